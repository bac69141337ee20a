package io.cardflow.kyc;

import static io.cardflow.kyc.ApplicationState.APPROVED;
import static io.cardflow.kyc.ApplicationState.MANUAL_REVIEW;
import static io.cardflow.kyc.ApplicationState.REJECTED;
import static io.cardflow.kyc.ApplicationState.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApplicationStateTest {

    @Test
    void submittedCanBeDecidedOrSentToManualReview() {
        assertThat(reachableFrom(SUBMITTED)).containsExactlyInAnyOrder(APPROVED, REJECTED, MANUAL_REVIEW);
    }

    @Test
    void manualReviewEndsInADecision() {
        assertThat(reachableFrom(MANUAL_REVIEW)).containsExactlyInAnyOrder(APPROVED, REJECTED);
    }

    @ParameterizedTest
    @EnumSource(names = {"APPROVED", "REJECTED"})
    void nothingLeavesADecision(ApplicationState decided) {
        assertThat(reachableFrom(decided)).isEmpty();
        assertThat(decided.isDecided()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(names = {"SUBMITTED", "MANUAL_REVIEW"})
    void waitingStatesAreUndecided(ApplicationState waiting) {
        assertThat(waiting.isDecided()).isFalse();
        assertThat(waiting.status().wire()).isEqualTo("underreview");
    }

    @Test
    void decidedStatesHaveTheirWireStatus() {
        assertThat(APPROVED.status().wire()).isEqualTo("approved");
        assertThat(REJECTED.status().wire()).isEqualTo("rejected");
    }

    @Test
    void eachOutcomeMapsToItsState() {
        assertThat(ApplicationState.of(Outcome.APPROVED)).isEqualTo(APPROVED);
        assertThat(ApplicationState.of(Outcome.REJECTED)).isEqualTo(REJECTED);
        assertThat(ApplicationState.of(Outcome.MANUAL_REVIEW)).isEqualTo(MANUAL_REVIEW);
    }

    private static Set<ApplicationState> reachableFrom(ApplicationState from) {
        Set<ApplicationState> reachable = EnumSet.noneOf(ApplicationState.class);
        Arrays.stream(ApplicationState.values()).filter(from::canBecome).forEach(reachable::add);
        return reachable;
    }
}
