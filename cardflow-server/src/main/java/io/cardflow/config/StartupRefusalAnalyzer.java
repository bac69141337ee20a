package io.cardflow.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Registered in {@code META-INF/spring.factories}: a refusal is reported as its one line, not as a bean-creation trace. */
class StartupRefusalAnalyzer extends AbstractFailureAnalyzer<StartupRefusal> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupRefusal refusal) {
        return new FailureAnalysis(refusal.getMessage(), refusal.action(), refusal);
    }
}
