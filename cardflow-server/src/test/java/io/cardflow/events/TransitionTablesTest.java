package io.cardflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.authorization.AuthorizationStatus;
import io.cardflow.authorization.StepKind;
import io.cardflow.card.CardState;
import io.cardflow.kyc.ApplicationState;
import io.cardflow.people.UserStatus;
import io.cardflow.topup.TopUpState;
import io.cardflow.webhooks.WebhookEndpointStatus;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The transition table of each lifecycle, written out here a second time: every pair of states is either allowed,
 * with exactly the event the catalog names for it, or refused. Together the lifecycles' events and the creations'
 * cover the whole catalog.
 */
class TransitionTablesTest {

    private static final Map<ApplicationState, Map<ApplicationState, EventType>> APPLICATION = Map.of(
            ApplicationState.SUBMITTED, Map.of(
                    ApplicationState.APPROVED, EventType.APPLICATION_APPROVED,
                    ApplicationState.REJECTED, EventType.APPLICATION_REJECTED,
                    ApplicationState.MANUAL_REVIEW, EventType.APPLICATION_REVIEW_REQUIRED),
            ApplicationState.MANUAL_REVIEW, Map.of(
                    ApplicationState.APPROVED, EventType.APPLICATION_APPROVED,
                    ApplicationState.REJECTED, EventType.APPLICATION_REJECTED),
            ApplicationState.APPROVED, Map.of(),
            ApplicationState.REJECTED, Map.of());

    private static final Map<CardState, Map<CardState, EventType>> CARD = Map.of(
            CardState.PENDING, Map.of(CardState.ACTIVE, EventType.CARD_ACTIVATED, CardState.FAILED, EventType.CARD_FAILED),
            CardState.ACTIVE, Map.of(CardState.SUSPENDED, EventType.CARD_SUSPENDED, CardState.CLOSED, EventType.CARD_CLOSED),
            CardState.SUSPENDED, Map.of(CardState.ACTIVE, EventType.CARD_REACTIVATED, CardState.CLOSED, EventType.CARD_CLOSED),
            CardState.FAILED, Map.of(),
            CardState.CLOSED, Map.of());

    private static final Map<TopUpState, Map<TopUpState, EventType>> TOP_UP = Map.of(
            TopUpState.PENDING, Map.of(TopUpState.APPROVED, EventType.TOPUP_APPROVED, TopUpState.REJECTED, EventType.TOPUP_REJECTED),
            TopUpState.APPROVED, Map.of(),
            TopUpState.REJECTED, Map.of());

    private static final Map<WebhookEndpointStatus, Map<WebhookEndpointStatus, EventType>> WEBHOOK_ENDPOINT = Map.of(
            WebhookEndpointStatus.ENABLED, Map.of(WebhookEndpointStatus.DISABLED, EventType.WEBHOOK_ENDPOINT_DISABLED),
            WebhookEndpointStatus.DISABLED, Map.of(WebhookEndpointStatus.ENABLED, EventType.WEBHOOK_ENDPOINT_ENABLED));

    private static final Map<UserStatus, Map<UserStatus, EventType>> MERCHANT_USER = Map.of(
            UserStatus.INVITED, Map.of(UserStatus.ACTIVE, EventType.MERCHANT_USER_ACTIVATED),
            UserStatus.ACTIVE, Map.of(UserStatus.LOCKED, EventType.MERCHANT_USER_LOCKED),
            UserStatus.LOCKED, Map.of(UserStatus.ACTIVE, EventType.MERCHANT_USER_UNLOCKED));

    /** Which statuses an authorization may move to; which step moved it says the event (see {@link #STEP_EVENTS}). */
    private static final Map<AuthorizationStatus, Set<AuthorizationStatus>> AUTHORIZATION = Map.of(
            AuthorizationStatus.PENDING, Set.of(AuthorizationStatus.PENDING, AuthorizationStatus.CLOSED,
                    AuthorizationStatus.REVERSED, AuthorizationStatus.EXPIRED),
            AuthorizationStatus.EXPIRED, Set.of(AuthorizationStatus.CLOSED),
            AuthorizationStatus.CLOSED, Set.of(),
            AuthorizationStatus.REVERSED, Set.of(),
            AuthorizationStatus.DECLINED, Set.of());

    private static final Map<StepKind, EventType> STEP_EVENTS = Map.of(
            StepKind.INCREMENT, EventType.AUTHORIZATION_INCREMENTED,
            StepKind.CAPTURE, EventType.AUTHORIZATION_CAPTURED,
            StepKind.REVERSAL, EventType.AUTHORIZATION_REVERSED,
            StepKind.EXPIRY, EventType.AUTHORIZATION_EXPIRED,
            StepKind.REFUND, EventType.REFUND_CREATED,
            StepKind.FORCE_CAPTURE, EventType.FORCE_CAPTURE_CREATED);

    /**
     * Events of objects that are created in their final state, of creations, and of changes that leave a state as it
     * is (a webhook endpoint's new URL or secret, its deletion, spending controls replaced): no transition makes them.
     */
    private static final Set<EventType> CREATIONS = EnumSet.of(EventType.APPLICATION_SUBMITTED, EventType.CARD_CREATED,
            EventType.TOPUP_CREATED, EventType.AUTHORIZATION_APPROVED, EventType.AUTHORIZATION_DECLINED,
            EventType.BALANCE_DEPOSITED, EventType.API_KEY_CREATED, EventType.API_KEY_REVOKED,
            EventType.WEBHOOK_ENDPOINT_CREATED, EventType.WEBHOOK_ENDPOINT_UPDATED, EventType.WEBHOOK_ENDPOINT_SECRET_ROTATED,
            EventType.WEBHOOK_ENDPOINT_DELETED, EventType.CARD_CONTROLS_UPDATED, EventType.CUSTOMER_CONTROLS_UPDATED,
            EventType.MERCHANT_USER_INVITED, EventType.MERCHANT_USER_PASSWORD_RESET_REQUESTED, EventType.MERCHANT_USER_PASSWORD_CHANGED);

    @Test
    void everyApplicationTransitionIsAllowedWithItsEventOrRefused() {
        for (ApplicationState from : ApplicationState.values()) {
            for (ApplicationState to : ApplicationState.values()) {
                EventType expected = APPLICATION.get(from).get(to);
                assertThat(from.canBecome(to)).as(from + " -> " + to).isEqualTo(expected != null);
                if (expected != null) {
                    assertThat(to.event()).as(from + " -> " + to).isEqualTo(expected);
                }
            }
        }
        assertThat(ApplicationState.SUBMITTED.event()).isEqualTo(EventType.APPLICATION_SUBMITTED);
    }

    @Test
    void everyCardTransitionIsAllowedWithItsEventOrRefused() {
        for (CardState from : CardState.values()) {
            for (CardState to : CardState.values()) {
                EventType expected = CARD.get(from).get(to);
                assertThat(from.canBecome(to)).as(from + " -> " + to).isEqualTo(expected != null);
                if (expected != null) {
                    assertThat(to.eventFrom(from)).as(from + " -> " + to).isEqualTo(expected);
                }
            }
        }
        assertThat(CardState.PENDING.eventFrom(null)).isEqualTo(EventType.CARD_CREATED);
    }

    @Test
    void everyTopUpTransitionIsAllowedWithItsEventOrRefused() {
        for (TopUpState from : TopUpState.values()) {
            for (TopUpState to : TopUpState.values()) {
                EventType expected = TOP_UP.get(from).get(to);
                assertThat(from.canBecome(to)).as(from + " -> " + to).isEqualTo(expected != null);
                if (expected != null) {
                    assertThat(to.event()).as(from + " -> " + to).isEqualTo(expected);
                }
            }
        }
        assertThat(TopUpState.PENDING.event()).isEqualTo(EventType.TOPUP_CREATED);
    }

    @Test
    void everyWebhookEndpointTransitionIsAllowedWithItsEventOrRefused() {
        for (WebhookEndpointStatus from : WebhookEndpointStatus.values()) {
            for (WebhookEndpointStatus to : WebhookEndpointStatus.values()) {
                EventType expected = WEBHOOK_ENDPOINT.get(from).get(to);
                assertThat(from.canBecome(to)).as(from + " -> " + to).isEqualTo(expected != null);
                if (expected != null) {
                    assertThat(to.event()).as(from + " -> " + to).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void everyMerchantUserTransitionIsAllowedWithItsEventOrRefused() {
        for (UserStatus from : UserStatus.values()) {
            for (UserStatus to : UserStatus.values()) {
                EventType expected = MERCHANT_USER.get(from).get(to);
                assertThat(from.canBecome(to)).as(from + " -> " + to).isEqualTo(expected != null);
                if (expected != null) {
                    assertThat(to.merchantEventFrom(from)).as(from + " -> " + to).isEqualTo(expected);
                }
            }
        }
        assertThat(UserStatus.INVITED.merchantEventFrom(null)).isEqualTo(EventType.MERCHANT_USER_INVITED);
    }

    @Test
    void everyAuthorizationTransitionIsAllowedOrRefusedAndEachStepHasItsEvent() {
        for (AuthorizationStatus from : AuthorizationStatus.values()) {
            for (AuthorizationStatus to : AuthorizationStatus.values()) {
                assertThat(from.canBecome(to)).as(from + " -> " + to).isEqualTo(AUTHORIZATION.get(from).contains(to));
            }
        }
        for (StepKind step : StepKind.values()) {
            assertThat(step.event()).as(step.toString()).isEqualTo(STEP_EVENTS.get(step));
        }
    }

    @Test
    void theTablesAndCreationsCoverTheCatalogAndWireNamesAreDotted() {
        Set<EventType> covered = new HashSet<>(CREATIONS);
        covered.addAll(STEP_EVENTS.values());
        for (Map<?, ? extends Map<?, EventType>> table : List.of(APPLICATION, CARD, TOP_UP, WEBHOOK_ENDPOINT, MERCHANT_USER)) {
            table.values().forEach(row -> covered.addAll(row.values()));
        }
        assertThat(covered).containsExactlyInAnyOrder(EventType.values());
        for (EventType type : EventType.values()) {
            assertThat(type.wire()).matches("[a-z_]+\\.[a-z_]+");
            assertThat(EventType.of(type.wire())).contains(type);
        }
    }
}
