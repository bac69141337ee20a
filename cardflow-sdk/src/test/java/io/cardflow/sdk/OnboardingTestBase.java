package io.cardflow.sdk;

import static io.cardflow.sdk.StubServer.json;

import io.cardflow.sdk.StubServer.Reply;
import io.cardflow.sdk.flow.CardOnboarding;
import io.cardflow.sdk.flow.OnboardingOutcome;
import io.cardflow.sdk.flow.OnboardingRequest;
import io.cardflow.sdk.flow.ProgressEvent;
import io.cardflow.sdk.model.Address;
import io.cardflow.sdk.model.CustomerCreateParams;
import io.cardflow.sdk.model.DocumentType;
import io.cardflow.sdk.model.HolderType;
import io.cardflow.sdk.model.IdentityDocument;
import io.cardflow.sdk.model.KycParams;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;

/** The onboarding flow against a scripted stub, on a fake clock, with its progress events recorded. */
abstract class OnboardingTestBase {

    static final String PRODUCT = "prod_usd_virtual";
    static final Address ADDRESS = Address.builder().line1("1 Main St").city("Springfield").postalCode("12345")
            .country("US").build();
    static final KycParams KYC = kyc(LocalDate.of(2031, 1, 31));

    final StubServer stub = new StubServer();
    final FakeTime time = new FakeTime();
    final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    final CardflowClient client = new TestClients().against(stub).maxRetries(0).build();

    OnboardingTestBase() throws IOException {
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    /**
     * A flow on the fake clock that records its events; tests add the policy or listener they need. It polls with
     * backoff, as against a server without long-poll; {@link OnboardingLongPollTest} turns long-poll on.
     */
    CardOnboarding.Builder flow() {
        return CardOnboarding.builder(client).clock(time).sleeper(time).listener(events::add).longPoll(false);
    }

    OnboardingOutcome run(OnboardingRequest request) {
        return flow().build().run(request);
    }

    /** A new individual customer applying for the USD virtual card, topped up with 50.00 USD. */
    static OnboardingRequest.Builder newCustomer() {
        return OnboardingRequest.builder()
                .flowId("flow-1")
                .customer(CustomerCreateParams.builder().type(HolderType.INDIVIDUAL).firstName("Ada")
                        .lastName("Lovelace").dateOfBirth(LocalDate.of(1990, 4, 1)).email("ada@example.com")
                        .address(ADDRESS).build())
                .productId(PRODUCT)
                .application(KYC)
                .topUp(5000, "USD");
    }

    static KycParams kyc(LocalDate documentExpiry) {
        return KycParams.builder().firstName("Ada").lastName("Lovelace").dateOfBirth(LocalDate.of(1990, 4, 1))
                .nationality("GB").address(ADDRESS)
                .identityDocument(new IdentityDocument(DocumentType.PASSPORT, "X1234567", "GB", documentExpiry))
                .build();
    }

    static Reply customerCreated() {
        return json(201, """
                {"customerId": "cus_1", "type": "individual", "firstName": "Ada", "lastName": "Lovelace"}""");
    }

    static Reply application(String status) {
        return application(status, 1);
    }

    static Reply application(String status, int attempt) {
        var reasons = status.equals("rejected")
                ? "[{\"code\": \"document_expired\", \"message\": \"The identity document has expired\"}]" : "[]";
        return json(attempt == 1 && status.equals("underreview") ? 202 : 200, """
                {"applicationId": "app_%d", "customerId": "cus_1", "productId": "prod_usd_virtual", "status": "%s",
                 "reasons": %s, "attempt": %d, "attemptsRemaining": %d, "canResubmit": %b, "manualReview": false}"""
                .formatted(attempt, status, reasons, attempt, 3 - attempt, status.equals("rejected") && attempt < 3));
    }

    static Reply card(String state) {
        return card(state, 0);
    }

    static Reply card(String state, long balance) {
        var failure = state.equals("failed")
                ? ", \"failure\": {\"code\": \"shipping_country_not_served\", \"message\": \"Not shipped there\"}" : "";
        return json(200, """
                {"cardId": "card_1", "customerId": "cus_1", "productId": "prod_usd_virtual", "state": "%s",
                 "currency": "USD", "balance": %d%s}""".formatted(state, balance, failure));
    }

    static Reply topUp(String status) {
        var reason = status.equals("rejected")
                ? ", \"reason\": {\"code\": \"card_balance_limit_exceeded\", \"message\": \"Over the maximum\"}" : "";
        return json(200, """
                {"transactionId": "txn_1", "topupId": "txn_1", "cardId": "card_1", "amount": 5000, "currency": "USD",
                 "status": "%s"%s}""".formatted(status, reason));
    }

    /** The whole happy path after the customer exists: KYC approved, card active, top-up approved. */
    static Reply[] fromSubmissionToFunded() {
        return new Reply[] {application("underreview"), application("approved"), card("pending"), card("active"),
                topUp("pending"), topUp("approved"), card("active", 5000)};
    }

    /** "METHOD path" of every request the stub received, in order. */
    List<String> calls() {
        return stub.received().stream().map(request -> request.method() + " " + request.path()).toList();
    }

    List<String> idempotencyKeys() {
        return stub.received().stream().filter(request -> request.method().equals("POST"))
                .map(request -> request.header("Idempotency-Key")).toList();
    }

    static List<Duration> seconds(long... values) {
        return Arrays.stream(values).mapToObj(Duration::ofSeconds).toList();
    }
}
