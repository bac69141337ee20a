package io.cardflow.kyc;

public enum Outcome {
    APPROVED,
    REJECTED,
    MANUAL_REVIEW
}
