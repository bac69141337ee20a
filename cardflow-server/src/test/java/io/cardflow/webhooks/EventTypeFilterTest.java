package io.cardflow.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardflow.common.ApiException;
import io.cardflow.common.FieldError;
import io.cardflow.events.EventType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypeFilterTest {

    @Test
    void noPatternsMeansEveryEvent() {
        for (EventTypeFilter all : List.of(EventTypeFilter.parse(null), EventTypeFilter.parse(List.of()),
                EventTypeFilter.fromStored(""))) {
            assertThat(all.patterns()).isEmpty();
            assertThat(all.stored()).isEmpty();
            assertThat(Arrays.stream(EventType.values()).map(EventType::wire)).allMatch(all::matches);
            assertThat(all.matches(EventTypeFilter.AUTHORIZATION_REQUEST)).isTrue();
        }
    }

    @Test
    void onlyAnExplicitAuthorizationRequestMakesADecisionEndpoint() {
        assertThat(EventTypeFilter.parse(List.of("card.*", "authorization.request")).requestsDecisions()).isTrue();
        assertThat(EventTypeFilter.fromStored("authorization.request").requestsDecisions()).isTrue();
        for (List<String> wildcards : List.of(List.<String>of(), List.of("*"), List.of("authorization.*"),
                List.of("authorization.approved", "authorization.declined"))) {
            assertThat(EventTypeFilter.parse(wildcards).requestsDecisions()).as(wildcards.toString()).isFalse();
        }
    }

    @Test
    void exactTypesMatchOnlyThemselves() {
        EventTypeFilter filter = EventTypeFilter.parse(List.of("card.activated", "topup.approved"));

        assertThat(filter.matches("card.activated")).isTrue();
        assertThat(filter.matches("topup.approved")).isTrue();
        assertThat(filter.matches("card.closed")).isFalse();
        assertThat(filter.matches("topup.rejected")).isFalse();
        assertThat(filter.matches("card.activated.more")).isFalse();
    }

    @Test
    void aWildcardMatchesItsPrefixOnly() {
        EventTypeFilter cards = EventTypeFilter.parse(List.of("card.*"));

        assertThat(cards.matches("card.activated")).isTrue();
        assertThat(cards.matches("card.closed")).isTrue();
        assertThat(cards.matches("topup.created")).isFalse();
        assertThat(cards.matches("cardholder.created")).as("the dot is part of the prefix").isFalse();
        assertThat(EventTypeFilter.parse(List.of("*")).matches("webhook_endpoint.deleted")).isTrue();
        assertThat(EventTypeFilter.parse(List.of("authorization.*")).matches(EventTypeFilter.AUTHORIZATION_REQUEST)).isTrue();
    }

    @Test
    void authorizationRequestIsAcceptedThoughNotALoggedEvent() {
        EventTypeFilter decisions = EventTypeFilter.parse(List.of("authorization.request"));

        assertThat(decisions.matches("authorization.request")).isTrue();
        assertThat(decisions.matches("authorization.approved")).isFalse();
    }

    @Test
    void storedFormRoundTripsWithoutDuplicates() {
        EventTypeFilter filter = EventTypeFilter.parse(List.of("card.*", "topup.approved", "card.*", "webhook_endpoint.*"));

        assertThat(filter.patterns()).containsExactly("card.*", "topup.approved", "webhook_endpoint.*");
        assertThat(filter.stored()).isEqualTo("card.* topup.approved webhook_endpoint.*");
        assertThat(EventTypeFilter.fromStored(filter.stored())).isEqualTo(filter);
        assertThat(EventTypeFilter.fromStored(filter.stored()).matches("webhook_endpoint.enabled")).isTrue();
    }

    @Test
    void anythingOutsideTheCatalogIsRefusedNamingTheEntry() {
        assertRefused(List.of("card.activated", "card.bogus"), "entry 1 ('card.bogus')");
        assertRefused(List.of("cards.*"), "entry 0 ('cards.*')");
        assertRefused(List.of("card*"), "entry 0 ('card*')");
        assertRefused(List.of("*.activated"), "entry 0 ('*.activated')");
        assertRefused(List.of("card.act*"), "entry 0 ('card.act*')");
        assertRefused(List.of("car.*"), "entry 0 ('car.*')");
        assertRefused(List.of("**"), "entry 0 ('**')");
        assertRefused(List.of("card.*.*"), "entry 0 ('card.*.*')");
        assertRefused(List.of("Card.Activated"), "entry 0");
        assertRefused(List.of("card.activated", " "), "entry 1 is empty");
        assertRefused(Arrays.asList("card.activated", null), "entry 1 is empty");
    }

    @Test
    void aRefusalNeverEchoesArbitraryText() {
        assertThatThrownBy(() -> EventTypeFilter.parse(List.of("<script>alert(1)</script>")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fieldErrors().getFirst().message())
                        .startsWith("entry 0 is not").doesNotContain("script"));
        assertThatThrownBy(() -> EventTypeFilter.parse(List.of("a".repeat(10_000))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    private static void assertRefused(List<String> patterns, String named) {
        assertThatThrownBy(() -> EventTypeFilter.parse(patterns)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("eventTypes");
            assertThat(e.fieldErrors().getFirst().message()).startsWith(named);
        });
    }
}
