package io.cardflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperatorEndpointsTest {

    @Test
    void theOperatorApiAndTheActuatorButHealthNeedTheOperatorKey() {
        assertThat(OperatorEndpoints.matches("/api/v1/admin/merchants")).isTrue();
        assertThat(OperatorEndpoints.matches("/actuator/prometheus")).isTrue();
        assertThat(OperatorEndpoints.matches("/actuator/info")).isTrue();
        assertThat(OperatorEndpoints.matches("/actuator")).isTrue();
        assertThat(OperatorEndpoints.matches("/actuator/healthcheck")).as("not health itself").isTrue();
    }

    @Test
    void healthAndEverythingElseDoNot() {
        assertThat(OperatorEndpoints.matches("/actuator/health")).isFalse();
        assertThat(OperatorEndpoints.matches("/actuator/health/liveness")).isFalse();
        assertThat(OperatorEndpoints.matches("/actuators")).isFalse();
        assertThat(OperatorEndpoints.matches("/api/v1/customers")).isFalse();
        assertThat(OperatorEndpoints.matches("/swagger-ui.html")).isFalse();
    }
}
