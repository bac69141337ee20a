package io.cardflow.sdk.model;

import java.time.LocalDate;

/** The identity document of a KYC submission. An expired one is not refused at once: it is rejected in the background. */
public record IdentityDocument(DocumentType type, String number, String issuingCountry, LocalDate expiryDate) {
}
