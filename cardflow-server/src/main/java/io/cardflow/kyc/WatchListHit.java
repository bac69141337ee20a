package io.cardflow.kyc;

/**
 * A watch-list entry that a screened name matched.
 *
 * @param score similarity in [0, 1]; 1 for exact matches
 * @param exact the normalised names are equal, as opposed to merely close
 */
public record WatchListHit(WatchListEntry entry, double score, boolean exact) {
}
