package io.cardflow.card;

/** Issues cards; the seam where a real card processor replaces the built-in {@link SandboxCardProcessor}. */
public interface CardProcessor {

    IssuanceResult issue(IssuanceRequest request);
}
