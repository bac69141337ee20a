package io.cardflow.sdk.model;

/** The data of a phase 2 submission: KYC for an {@code individual} product, KYB for a {@code business} one. */
public sealed interface ApplicationParams permits KycParams, KybParams {
}
