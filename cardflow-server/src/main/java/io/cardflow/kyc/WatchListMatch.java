package io.cardflow.kyc;

import java.util.Objects;

/**
 * A watch-list hit with the name that was screened to find it (the applicant's, a beneficial owner's, or the
 * business's legal name): the evidence kept with an application when it is screened.
 */
public record WatchListMatch(String screenedName, WatchListHit hit) {

    public WatchListMatch {
        Objects.requireNonNull(screenedName, "screenedName");
        Objects.requireNonNull(hit, "hit");
    }
}
