package io.cardflow.sdk.model;

/** Why something was decided as it was: a stable {@code code} to branch on and a message for people. */
public record Reason(String code, String message) {
}
