package io.cardflow.card;

/**
 * Issues cards; the seam where a real card processor replaces the built-in {@link SandboxCardProcessor}.
 *
 * <p>Called with no database transaction or row lock held, and possibly more than once for one request (a retried
 * job, the janitor after a crash): an implementation must be idempotent on {@link IssuanceRequest#idempotencyKey()},
 * answering a repeat with the card it already issued (or the same refusal), never a second card. An adapter for a
 * processor without idempotent creation looks the key up first and creates only when it finds nothing. Any exception
 * (timeout, 5xx, connection refused) means "outcome unknown": the request is asked again later with the same key. A
 * refusal says why with one of the platform's {@link IssuanceFailure} codes, which clients branch on.
 */
public interface CardProcessor {

    IssuanceResult issue(IssuanceRequest request);
}
