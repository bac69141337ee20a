package io.cardflow.kyc;

import java.util.List;
import java.util.Objects;

/** The outcome of a verification and every reason behind it, in rule order; empty when approved. */
public record Verdict(Outcome outcome, List<ReasonCode> reasons) {

    public Verdict {
        Objects.requireNonNull(outcome, "outcome");
        reasons = List.copyOf(reasons);
    }
}
