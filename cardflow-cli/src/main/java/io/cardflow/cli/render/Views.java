package io.cardflow.cli.render;

import io.cardflow.sdk.model.Address;
import io.cardflow.sdk.model.Application;
import io.cardflow.sdk.model.Authorization;
import io.cardflow.sdk.model.AuthorizationStep;
import io.cardflow.sdk.model.CardTransaction;
import io.cardflow.sdk.model.Balance;
import io.cardflow.sdk.model.Card;
import io.cardflow.sdk.model.Controls;
import io.cardflow.sdk.model.Customer;
import io.cardflow.sdk.model.Event;
import io.cardflow.sdk.model.Product;
import io.cardflow.sdk.model.Reason;
import io.cardflow.sdk.model.SpendingControls;
import io.cardflow.sdk.model.SpendingLimit;
import io.cardflow.sdk.model.TopUp;
import io.cardflow.sdk.model.WebhookAttempt;
import io.cardflow.sdk.model.WebhookDelivery;
import io.cardflow.sdk.model.WebhookEndpoint;
import io.cardflow.sdk.model.WebhookEndpointStatus;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** How each kind of API object looks to a person: one as a block of fields, several as a table. */
public final class Views {

    private Views() {
    }

    public static Block product(Product product) {
        return new Block()
                .field("id", product.id())
                .field("name", product.name())
                .field("currency", product.currency())
                .field("holder type", word(product.holderType()))
                .field("form", word(product.form()))
                .field("bin", product.bin())
                .field("top-up minimum", Money.format(product.topUpMinimum(), product.currency()))
                .field("top-up maximum", Money.format(product.topUpMaximum(), product.currency()))
                .field("card balance maximum", Money.format(product.cardBalanceMaximum(), product.currency()))
                .field("cards per customer", product.cardsPerCustomer())
                .field("kyc attempts", product.kycAttempts())
                .field("shipping countries", product.shippingCountries().isEmpty() ? null
                        : String.join(", ", product.shippingCountries()))
                .field("capture over authorization", product.captureOverAuthorizationPercent() + "%")
                .field("authorization hold", product.authorizationHoldDuration())
                .field("controls", controlsSummary(product.controls()));
    }

    /** The controls of a card or a customer; what is not set is left out, and no controls at all says so. */
    public static Block controls(Controls controls) {
        var settings = controls.spendingControls();
        var block = new Block()
                .field("controls id", controls.controlsId())
                .field("card id", controls.cardId())
                .field("customer id", controls.customerId());
        if (settings.equals(SpendingControls.none())) {
            return block.field("controls", "none").field("updated", controls.updatedAt());
        }
        return block
                .field("limits", settings.spendingLimits().isEmpty() ? null : limits(settings.spendingLimits()))
                .field("allowed categories", list(settings.allowedCategories()))
                .field("blocked categories", list(settings.blockedCategories()))
                .field("allowed countries", list(settings.allowedCountries()))
                .field("blocked countries", list(settings.blockedCountries()))
                .field("mode", word(settings.mode()))
                .field("updated", controls.updatedAt());
    }

    public static Table products(List<Product> products) {
        var table = new Table("ID", "NAME", "CURRENCY", "HOLDER", "FORM");
        products.forEach(product -> table.row(product.id(), product.name(), product.currency(),
                word(product.holderType()), word(product.form())));
        return table;
    }

    public static Block customer(Customer customer) {
        return new Block()
                .field("customer id", customer.customerId())
                .field("type", word(customer.type()))
                .field("name", customerName(customer))
                .field("date of birth", customer.dateOfBirth())
                .field("email", customer.email())
                .field("phone", customer.phone())
                .field("address", address(customer.address()))
                .field("created", customer.createdAt());
    }

    public static Table customers(List<Customer> customers) {
        var table = new Table("CUSTOMER ID", "TYPE", "NAME", "EMAIL", "CREATED");
        customers.forEach(customer -> table.row(customer.customerId(), word(customer.type()),
                customerName(customer), customer.email(), customer.createdAt()));
        return table;
    }

    public static Block application(Application application) {
        return new Block()
                .field("application id", application.applicationId())
                .field("customer id", application.customerId())
                .field("product id", application.productId())
                .field("status", word(application.status()))
                .field("reasons", reasons(application.reasons()))
                .field("attempt", application.attempt())
                .field("attempts remaining", application.attemptsRemaining())
                .field("can resubmit", application.canResubmit())
                .field("manual review", application.manualReview())
                .field("submitted", application.submittedAt())
                .field("decided", application.decidedAt());
    }

    public static Block card(Card card) {
        return new Block()
                .field("card id", card.cardId())
                .field("customer id", card.customerId())
                .field("product id", card.productId())
                .field("state", word(card.state()))
                .field("form", word(card.form()))
                .field("balance", Money.format(card.balance(), card.currency()))
                .field("available", Money.format(card.availableBalance(), card.currency()))
                .field("number", card.maskedPan())
                .field("expiry", card.expiryMonth() == null ? null
                        : "%02d/%d".formatted(card.expiryMonth(), card.expiryYear()))
                .field("name on card", card.nameOnCard())
                .field("shipping address", address(card.shippingAddress()))
                .field("failure", reason(card.failure()))
                .field("created", card.createdAt())
                .field("activated", card.activatedAt())
                .field("closed", card.closedAt());
    }

    public static Table cards(List<Card> cards) {
        var table = new Table("CARD ID", "PRODUCT", "STATE", "LAST4", "BALANCE");
        cards.forEach(card -> table.row(card.cardId(), card.productId(), word(card.state()), card.last4(),
                Money.format(card.balance(), card.currency())));
        return table;
    }

    public static Block topUp(TopUp topUp) {
        return new Block()
                .field("top-up id", topUp.topupId() != null ? topUp.topupId() : topUp.transactionId())
                .field("card id", topUp.cardId())
                .field("amount", Money.format(topUp.amount(), topUp.currency()))
                .field("status", word(topUp.status()))
                .field("reason", reason(topUp.reason()))
                .field("created", topUp.createdAt())
                .field("decided", topUp.decidedAt());
    }

    public static Table topUps(List<TopUp> topUps) {
        var table = new Table("TOP-UP ID", "AMOUNT", "STATUS", "CREATED");
        topUps.forEach(topUp -> table.row(topUp.topupId(), Money.format(topUp.amount(), topUp.currency()),
                word(topUp.status()), topUp.createdAt()));
        return table;
    }

    public static Table balance(Balance balance) {
        var table = new Table("CURRENCY", "AVAILABLE", "PENDING");
        balance.balances().forEach(entry -> table.row(entry.currency(),
                Money.format(entry.available(), entry.currency()), Money.format(entry.pending(), entry.currency())));
        return table;
    }

    public static Block authorization(Authorization authorization) {
        return new Block()
                .field("authorization id", authorization.authorizationId())
                .field("card id", authorization.cardId())
                .field("amount", Money.format(authorization.amount(), authorization.currency()))
                .field("merchant", authorization.merchantName())
                .field("status", word(authorization.status()))
                .field("decline code", word(authorization.declineCode()))
                .field("shadow decline code", word(authorization.shadowDeclineCode()))
                .field("decision source", word(authorization.decisionSource()))
                .field("stand-in reason", authorization.standInReason())
                .field("decision latency", authorization.decisionLatencyMs() == null ? null
                        : authorization.decisionLatencyMs() + " ms")
                .field("metadata", authorization.metadata() == null || authorization.metadata().isEmpty() ? null
                        : authorization.metadata())
                .field("held", authorization.approved() ? Money.format(authorization.heldAmount(), authorization.currency()) : null)
                .field("captured", authorization.capturedAmount() == 0 ? null
                        : Money.format(authorization.capturedAmount(), authorization.currency()))
                .field("reversed", authorization.reversedAmount() == 0 ? null
                        : Money.format(authorization.reversedAmount(), authorization.currency()))
                .field("refunded", authorization.refundedAmount() == 0 ? null
                        : Money.format(authorization.refundedAmount(), authorization.currency()))
                .field("steps", authorization.steps() == null || authorization.steps().isEmpty() ? null
                        : String.join(", ", authorization.steps().stream().map(step -> step.type() + " "
                        + Money.format(step.amount(), step.currency()) + " (" + step.id() + ")").toList()))
                .field("created", authorization.createdAt())
                .field("expires", authorization.expiresAt());
    }

    public static Block step(AuthorizationStep step) {
        return new Block()
                .field("id", step.id())
                .field("type", step.type())
                .field("card id", step.cardId())
                .field("authorization id", step.authorizationId())
                .field("capture id", step.captureId())
                .field("amount", Money.format(step.amount(), step.currency()))
                .field("merchant", step.merchantName())
                .field("created", step.createdAt());
    }

    public static Table cardTransactions(List<CardTransaction> entries) {
        var table = new Table("TRANSACTION ID", "TYPE", "REFERENCE", "CHANGE", "BALANCE", "AVAILABLE", "CREATED");
        entries.forEach(entry -> table.row(entry.transactionId(), entry.type(), entry.reference(), entry.balanceChange(),
                entry.balance(), entry.availableBalance(), entry.createdAt()));
        return table;
    }

    public static Table authorizations(List<Authorization> authorizations) {
        var table = new Table("AUTHORIZATION ID", "AMOUNT", "MERCHANT", "STATUS", "DECLINE CODE");
        authorizations.forEach(authorization -> table.row(authorization.authorizationId(),
                Money.format(authorization.amount(), authorization.currency()), authorization.merchantName(),
                word(authorization.status()), word(authorization.declineCode())));
        return table;
    }

    public static Block event(Event event) {
        return new Block()
                .field("event id", event.id())
                .field("type", event.typeName())
                .field("created", event.createdAt())
                .field("object id", event.objectId())
                .field("sequence", event.sequence())
                .field("data", event.data() == null ? null : event.data().toString());
    }

    public static Table events(List<Event> events) {
        var table = new Table("EVENT ID", "CREATED", "TYPE", "OBJECT ID", "SEQUENCE");
        events.forEach(event -> table.row(event.id(), event.createdAt(), event.typeName(), event.objectId(),
                event.sequence()));
        return table;
    }

    /** One followed event: time, type, object id and sequence, in columns that line up from one event to the next. */
    public static String eventLine(Event event) {
        return "%-24s  %-27s  %-30s  %d".formatted(event.createdAt(), event.typeName(), event.objectId(),
                event.sequence());
    }

    public static Block webhookEndpoint(WebhookEndpoint endpoint) {
        return new Block()
                .field("endpoint id", endpoint.id())
                .field("url", endpoint.url())
                .field("description", endpoint.description())
                .field("events", eventTypes(endpoint.eventTypes()))
                .field("status", endpointStatus(endpoint))
                .field("previous secret until", endpoint.previousSecretExpiresAt())
                .field("created", endpoint.createdAt())
                .field("updated", endpoint.updatedAt());
    }

    public static Table webhookEndpoints(List<WebhookEndpoint> endpoints) {
        var table = new Table("ENDPOINT ID", "URL", "EVENTS", "STATUS");
        endpoints.forEach(endpoint -> table.row(endpoint.id(), endpoint.url(), eventTypes(endpoint.eventTypes()),
                endpointStatus(endpoint)));
        return table;
    }

    /** The delivery's fields, then its attempts, oldest first. */
    public static Rendering webhookDelivery(WebhookDelivery delivery) {
        var fields = new Block()
                .field("delivery id", delivery.id())
                .field("endpoint id", delivery.endpointId())
                .field("event id", delivery.eventId())
                .field("event type", delivery.eventType())
                .field("status", word(delivery.status()))
                .field("attempts", delivery.attemptCount())
                .field("next attempt", delivery.nextAttemptAt())
                .field("created", delivery.createdAt())
                .field("updated", delivery.updatedAt());
        var attempts = new Table("#", "STARTED", "DURATION", "ANSWER", "OUTCOME", "ERROR");
        delivery.attempts().forEach(attempt -> attempts.row(attempt.number() + (attempt.replay() ? " (replay)" : ""),
                attempt.startedAt(), attempt.durationMs() + " ms", attempt.statusCode(), word(attempt.outcome()),
                attempt.error()));
        return () -> fields.render() + "\n\n" + attempts.render();
    }

    public static Table webhookDeliveries(List<WebhookDelivery> deliveries) {
        var table = new Table("DELIVERY ID", "EVENT ID", "EVENT TYPE", "STATUS", "ATTEMPTS", "LAST ANSWER",
                "NEXT ATTEMPT");
        deliveries.forEach(delivery -> table.row(delivery.id(), delivery.eventId(), delivery.eventType(),
                word(delivery.status()), delivery.attemptCount(), lastAnswer(delivery.attempts()),
                delivery.nextAttemptAt()));
        return table;
    }

    /** An enum constant as the API spells it: {@code UNDER_REVIEW} shows as {@code under_review}. */
    public static String word(Enum<?> constant) {
        return constant == null ? null : constant.name().toLowerCase(Locale.ROOT);
    }

    /** Reasons as {@code code: message}, separated by {@code ; }; null when there are none. */
    public static String reasons(List<Reason> reasons) {
        if (reasons.isEmpty()) {
            return null;
        }
        return reasons.stream().map(reason -> reason.code() + ": " + reason.message()).collect(Collectors.joining("; "));
    }

    /** One reason as {@code code: message}; null when there is none. */
    public static String reason(Reason reason) {
        return reason == null ? null : reasons(List.of(reason));
    }

    /** {@code 5000 per_transaction, 20000 daily (at most 10)}: amounts in minor units, as the controls have no currency. */
    private static String limits(List<SpendingLimit> limits) {
        return limits.stream().map(limit -> limit.amount() + " " + word(limit.interval())
                        + (limit.count() == null ? "" : " (at most " + limit.count() + ")"))
                .collect(Collectors.joining(", "));
    }

    /** A product's controls on one line: {@code none}, or each kind that is set. */
    private static String controlsSummary(SpendingControls controls) {
        if (controls.equals(SpendingControls.none())) {
            return "none";
        }
        var parts = Stream.of(
                controls.spendingLimits().isEmpty() ? null : "limits " + limits(controls.spendingLimits()),
                labelled("allowed categories", controls.allowedCategories()),
                labelled("blocked categories", controls.blockedCategories()),
                labelled("allowed countries", controls.allowedCountries()),
                labelled("blocked countries", controls.blockedCountries()));
        return parts.filter(part -> part != null).collect(Collectors.joining("; ")) + " (" + word(controls.mode()) + ")";
    }

    private static String labelled(String label, List<String> codes) {
        return codes.isEmpty() ? null : label + " " + String.join(", ", codes);
    }

    private static String list(List<String> codes) {
        return codes.isEmpty() ? null : String.join(", ", codes);
    }

    /** No filter means every event. */
    private static String eventTypes(List<String> eventTypes) {
        return eventTypes.isEmpty() ? "all" : String.join(", ", eventTypes);
    }

    /** {@code enabled}, or {@code disabled (failing)} with the reason. */
    private static String endpointStatus(WebhookEndpoint endpoint) {
        if (endpoint.status() == WebhookEndpointStatus.DISABLED && endpoint.disabledReason() != null) {
            return word(endpoint.status()) + " (" + word(endpoint.disabledReason()) + ")";
        }
        return word(endpoint.status());
    }

    /** The last attempt's status code, else its outcome (a timeout has no status code). */
    private static String lastAnswer(List<WebhookAttempt> attempts) {
        if (attempts.isEmpty()) {
            return null;
        }
        var last = attempts.getLast();
        return last.statusCode() != null ? last.statusCode().toString() : word(last.outcome());
    }

    private static String customerName(Customer customer) {
        if (customer.legalName() != null) {
            return customer.legalName();
        }
        return joinPresent(" ", customer.firstName(), customer.lastName());
    }

    private static String address(Address address) {
        if (address == null) {
            return null;
        }
        return joinPresent(", ", address.line1(), address.line2(), address.city(), address.region(),
                address.postalCode(), address.country());
    }

    private static String joinPresent(String separator, String... parts) {
        var joined = Stream.of(parts).filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(separator));
        return joined.isEmpty() ? null : joined;
    }
}
