package io.cardflow.kyc;

import java.time.LocalDate;

/**
 * Verifies KYC/KYB submissions; the seam where an outside verification service replaces the built-in
 * {@link EngineVerificationProvider}.
 *
 * <p>Called with no database transaction or row lock held, and possibly more than once for one application (a retried
 * job, the janitor after a crash): an implementation must be idempotent on {@code applicationId}, answering a repeat
 * with the verdict it already gave rather than opening a second check. {@code asOf} is the day of the submission, so a
 * repeat asks the same question. Any exception means "outcome unknown": the application stays under review and is
 * asked about again later.
 */
public interface VerificationProvider {

    Verdict verify(String applicationId, IndividualKyc kyc, LocalDate asOf);

    Verdict verify(String applicationId, BusinessKyb kyb, LocalDate asOf);
}
