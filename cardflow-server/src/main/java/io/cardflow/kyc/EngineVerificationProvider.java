package io.cardflow.kyc;

import java.time.LocalDate;

/** The built-in provider: the pure {@link VerificationEngine}, idempotent because the same input gives the same verdict. */
class EngineVerificationProvider implements VerificationProvider {

    private final VerificationEngine engine;

    EngineVerificationProvider(VerificationEngine engine) {
        this.engine = engine;
    }

    @Override
    public Verdict verify(String applicationId, IndividualKyc kyc, LocalDate asOf) {
        return engine.verify(kyc, asOf);
    }

    @Override
    public Verdict verify(String applicationId, BusinessKyb kyb, LocalDate asOf) {
        return engine.verify(kyb, asOf);
    }
}
