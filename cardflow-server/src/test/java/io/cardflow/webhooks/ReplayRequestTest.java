package io.cardflow.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardflow.common.ApiException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayRequestTest {

    private static final String EVENT = "evt_3Nq8Lk2Zx7Wb1Mc9Vd4Tp6Hy";

    @Test
    void oneEventOrOneRange() {
        assertThat(new ReplayRequest(EVENT, null, null).toReplay()).isEqualTo(new ReplayRequest.OneEvent(EVENT));
        assertThat(new ReplayRequest(null, "2026-03-14T09:00:00Z", "2026-04-14T09:00:00Z").toReplay())
                .isEqualTo(new ReplayRequest.Range(Instant.parse("2026-03-14T09:00:00Z"), Instant.parse("2026-04-14T09:00:00Z")));
    }

    @Test
    void anythingElseIsRefusedNamingTheField() {
        assertRefused(new ReplayRequest(null, null, null), "eventId");
        assertRefused(new ReplayRequest(EVENT, "2026-03-14T09:00:00Z", null), "eventId");
        assertRefused(new ReplayRequest("card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0", null, null), "eventId");
        assertRefused(new ReplayRequest(null, "2026-03-14T09:00:00Z", null), "createdBefore");
        assertRefused(new ReplayRequest(null, null, "2026-03-14T09:00:00Z"), "createdAfter");
        assertRefused(new ReplayRequest(null, "yesterday", "2026-03-14T09:00:00Z"), "createdAfter");
        assertRefused(new ReplayRequest(null, "2026-03-14T09:00:00Z", "2026-03-14T09:00:00Z"), "createdBefore");
        assertRefused(new ReplayRequest(null, "2026-03-14T09:00:00Z", "2026-04-14T09:00:01Z"), "createdBefore");
    }

    private static void assertRefused(ReplayRequest request, String field) {
        assertThatThrownBy(request::toReplay).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.fieldErrors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo(field)));
    }
}
