package io.cardflow.sdk;

import static io.cardflow.sdk.TestClients.fixedRandom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardflow.sdk.exception.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static RetryPolicy policy(double random) {
        return new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(8), fixedRandom(random));
    }

    private static List<Long> firstDelaysInMillis(RetryPolicy policy, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(retry -> policy.delayBefore(retry, null).toMillis()).toList();
    }

    @Test
    void backoffDoublesUpToTheCapWithTheLowestJitter() {
        assertThat(firstDelaysInMillis(policy(0.0), 7)).containsExactly(250L, 500L, 1000L, 2000L, 4000L, 4000L, 4000L);
    }

    @Test
    void backoffDoublesUpToTheCapWithMiddleJitter() {
        assertThat(firstDelaysInMillis(policy(0.5), 7)).containsExactly(375L, 750L, 1500L, 3000L, 6000L, 6000L, 6000L);
    }

    @Test
    void jitterNeverReachesTheFullBackoff() {
        assertThat(firstDelaysInMillis(policy(0.999_999), 6)).allSatisfy(delay -> assertThat(delay).isLessThan(8000L))
                .element(4).isEqualTo(7999L);
    }

    @Test
    void aVeryLateRetryStaysAtTheCapWithoutOverflowing() {
        assertThat(policy(0.0).delayBefore(200, null)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void retryAfterReplacesTheBackoffButNotTheCap() {
        assertThat(policy(0.0).delayBefore(1, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy(0.0).delayBefore(1, Duration.ZERO)).isEqualTo(Duration.ZERO);
        assertThat(policy(0.0).delayBefore(1, Duration.ofSeconds(120))).isEqualTo(Duration.ofSeconds(8));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "500, internal_error, true",
            "502, null, true",
            "503, null, true",
            "504, null, true",
            "429, null, true",
            "409, idempotency_key_in_use, true",
            "409, insufficient_funds, false",
            "409, null, false",
            "400, malformed_json, false",
            "401, unauthorized, false",
            "404, not_found, false",
            "422, validation_failed, false",
            "422, idempotency_key_reused, false"})
    void retriesOnlyWhatATryLaterCanFix(int status, String code, boolean retryable) {
        var error = new ApiException(status, code, null, null, null);
        assertThat(policy(0.0).isRetryable(error)).isEqualTo(retryable);
    }

    @Test
    void refusesANegativeRetryCountOrACapBelowTheFirstDelay() {
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO, fixedRandom(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), fixedRandom(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
