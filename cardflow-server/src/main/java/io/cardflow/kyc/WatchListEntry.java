package io.cardflow.kyc;

import java.util.Objects;

/**
 * One listed party.
 *
 * @param reference the list's own identifier, shown to operators so they can look the entry up
 */
public record WatchListEntry(String reference, String name, EntryType type) {

    public WatchListEntry {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
