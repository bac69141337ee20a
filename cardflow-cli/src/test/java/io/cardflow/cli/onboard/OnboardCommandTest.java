package io.cardflow.cli.onboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.cli.ExitCodes;
import io.cardflow.sdk.flow.OnboardingIds;
import io.cardflow.sdk.flow.OnboardingOutcome;
import io.cardflow.sdk.flow.Phase;
import io.cardflow.sdk.flow.ProgressEvent;
import io.cardflow.sdk.model.Address;
import io.cardflow.sdk.model.DocumentType;
import io.cardflow.sdk.model.HolderType;
import io.cardflow.sdk.model.IdentityDocument;
import io.cardflow.sdk.model.KybParams;
import io.cardflow.sdk.model.KycParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code cardflow onboard} with the flow scripted: flags to request, outcome to summary and exit code. */
class OnboardCommandTest {

    private static final String[] NEW_CUSTOMER = {"onboard", "--product", "prod_usd_virtual",
        "--first-name", "Ana", "--last-name", "Lopez", "--email", "ana@example.com", "--date-of-birth", "1990-04-01",
        "--line1", "1 Main St", "--city", "Springfield", "--postal-code", "12345", "--country", "US",
        "--document-number", "X1234567", "--document-expiry", "2031-01-01",
        "--top-up-amount", "5000", "--currency", "USD", "--flow-id", "flow-1"};

    private static final Address ADDRESS = new Address("1 Main St", null, "Springfield", null, "12345", "US");

    @TempDir
    Path files;

    private static String[] with(String[] args, String... more) {
        return Stream.concat(Stream.of(args), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void newCustomerFlagsMakeTheCustomerAndTheKycDataFromTheSameFacts() {
        var flow = new ScriptedOnboarding(Outcomes.funded());

        var result = flow.cli().run(NEW_CUSTOMER);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        var request = flow.request;
        assertThat(request.flowId()).isEqualTo("flow-1");
        assertThat(request.productId()).isEqualTo("prod_usd_virtual");
        assertThat(request.customer().type()).isEqualTo(HolderType.INDIVIDUAL);
        assertThat(request.customer().firstName()).isEqualTo("Ana");
        assertThat(request.customer().address()).isEqualTo(ADDRESS);
        assertThat(request.application()).isEqualTo(new KycParams("Ana", "Lopez", LocalDate.of(1990, 4, 1), "US",
                ADDRESS, new IdentityDocument(DocumentType.PASSPORT, "X1234567", "US", LocalDate.of(2031, 1, 1))));
        assertThat(request.topUpAmount()).isEqualTo(5000L);
        assertThat(request.topUpCurrency()).isEqualTo("USD");
        assertThat(request.resubmitApplication()).isFalse();
        assertThat(request.resumeFrom()).isEqualTo(OnboardingIds.none());
        assertThat(request.shippingAddress()).isNull();
        assertThat(flow.poll).as("a local server is polled as a sandbox").isEqualTo(PollMode.SANDBOX);
    }

    @Test
    void anExistingCustomerAndResumeIdsGoIntoResumeFrom() {
        var flow = new ScriptedOnboarding(Outcomes.funded());

        var result = flow.cli().run("onboard", "--product", "prod_usd_physical", "--customer-id", "cus_1",
                "--resume-card", "card_1", "--resume-topup", "top_1", "--name-on-card", "ANA LOPEZ",
                "--ship-line1", "1 Main St", "--ship-city", "Springfield", "--ship-postal-code", "12345",
                "--ship-country", "US", "--poll", "guide");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        var request = flow.request;
        assertThat(request.customer()).isNull();
        assertThat(request.application()).isNull();
        assertThat(request.resumeFrom()).isEqualTo(new OnboardingIds("cus_1", null, "card_1", "top_1"));
        assertThat(request.resubmitApplication()).isFalse();
        assertThat(request.nameOnCard()).isEqualTo("ANA LOPEZ");
        assertThat(request.shippingAddress()).isEqualTo(ADDRESS);
        assertThat(request.flowId()).as("a new flow id when none is given").isNotBlank();
        assertThat(flow.poll).isEqualTo(PollMode.GUIDE);
    }

    @Test
    void resubmittingWithoutCorrectedDataIsAUsageErrorBeforeAnyCall() {
        var flow = new ScriptedOnboarding(Outcomes.funded());

        var result = flow.cli().run("onboard", "--product", "prod_usd_virtual", "--customer-id", "cus_1", "--resubmit");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("resubmitApplication needs the corrected application data");
        assertThat(flow.request).as("the flow never ran").isNull();
    }

    @Test
    void aBusinessGivesItsKybDataAsAFile() throws Exception {
        var kyb = Files.writeString(files.resolve("kyb.json"), """
                {"legalName": "Acme Ltd", "registrationNumber": "12345678", "country": "GB",
                 "beneficialOwners": [{"firstName": "Ada", "lastName": "Lovelace", "dateOfBirth": "1980-12-10",
                                       "nationality": "GB", "ownershipPercent": 60}]}""");
        var flow = new ScriptedOnboarding(Outcomes.funded());

        var result = flow.cli().run("onboard", "--product", "prod_gbp_business", "--legal-name", "Acme Ltd",
                "--email", "ops@acme.example", "--kyb", "@" + kyb);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(flow.request.customer().type()).isEqualTo(HolderType.BUSINESS);
        assertThat(flow.request.application()).isInstanceOfSatisfying(KybParams.class,
                params -> assertThat(params.beneficialOwners()).hasSize(1));
    }

    static Stream<Arguments> flagsThatCannotMakeARequest() {
        return Stream.of(
                Arguments.of(new String[] {"onboard", "--product", "p"}, "Who is the customer?"),
                Arguments.of(with(NEW_CUSTOMER, "--customer-id", "cus_1"), "not both"),
                Arguments.of(new String[] {"onboard", "--product", "p", "--customer-id", "cus_1",
                    "--top-up-amount", "5000"}, "--top-up-amount needs --currency"),
                Arguments.of(new String[] {"onboard", "--product", "p", "--first-name", "Ana"},
                        "KYC needs --document-number and --document-expiry"),
                Arguments.of(new String[] {"onboard", "--customer-id", "cus_1"}, "Missing required option"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("flagsThatCannotMakeARequest")
    void flagsThatCannotMakeARequestAreUsageErrorsBeforeTheFlowStarts(String[] args, String message) {
        var flow = new ScriptedOnboarding(Outcomes.funded());

        var result = flow.cli().run(args);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains(message);
        assertThat(flow.request).isNull();
    }

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of((Supplier<OnboardingOutcome>) Outcomes::funded, ExitCodes.OK,
                        "Done: the card is active and funded."),
                Arguments.of((Supplier<OnboardingOutcome>) Outcomes::applicationRejected, ExitCodes.REJECTED,
                        "Rejected: the application was refused: document_expired: The identity document has expired."),
                Arguments.of((Supplier<OnboardingOutcome>) Outcomes::cardFailed, ExitCodes.REJECTED,
                        "Rejected: the card could not be issued: processor_declined"),
                Arguments.of((Supplier<OnboardingOutcome>) Outcomes::topUpRejected, ExitCodes.REJECTED,
                        "Rejected: the top-up was refused (card_balance_limit"),
                Arguments.of((Supplier<OnboardingOutcome>) Outcomes::pendingReview, ExitCodes.TIMED_OUT_OR_PENDING,
                        "Pending: the application is still under review"),
                Arguments.of((Supplier<OnboardingOutcome>) Outcomes::timedOut, ExitCodes.TIMED_OUT_OR_PENDING,
                        "Timed out waiting in phase await card."),
                Arguments.of((Supplier<OnboardingOutcome>) Outcomes::cancelled, ExitCodes.CANCELLED,
                        "Cancelled in phase await top up."));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("outcomes")
    void eachOutcomeHasItsExitCodeAndSaysWhatHappened(Supplier<OnboardingOutcome> outcome, int exitCode,
                                                      String headline) {
        var result = new ScriptedOnboarding(outcome.get()).cli().run(NEW_CUSTOMER);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(exitCode);
        assertThat(result.out()).contains(headline, "flow id:", "flow-1", "customer id:", "cus_1");
    }

    @Test
    void aFundedCardSummaryShowsTheCardItsBalanceAndTheTopUp() {
        var result = new ScriptedOnboarding(Outcomes.funded()).cli().run(NEW_CUSTOMER);

        assertThat(result.out()).contains("card id:        card_1", "card:           400000******4242",
                "card state:     active", "card balance:   5000 (50.00 USD)", "top-up:         5000 (50.00 USD) approved");
    }

    @Test
    void aStoppedFlowPrintsTheCommandThatResumesIt() {
        var result = new ScriptedOnboarding(Outcomes.timedOut()).cli().run(NEW_CUSTOMER);

        assertThat(result.out()).contains("Resume with:\n  cardflow onboard --product prod_usd_virtual --flow-id flow-1 "
                + "--resume-customer cus_1 --resume-card card_1 --top-up-amount 5000 --currency USD");
    }

    @Test
    void jsonNamesTheOutcomeAndKeepsProgressOffStdout() {
        var event = new ProgressEvent(Phase.AWAIT_CARD, "pending", Duration.ofSeconds(3), Duration.ofSeconds(1),
                Outcomes.ALL_IDS);
        var result = new ScriptedOnboarding(Outcomes.cardFailed(), event).cli().run(with(NEW_CUSTOMER, "--json"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(result.out()).startsWith("{").contains("\"outcome\" : \"card_failed\"", "\"flowId\" : \"flow-1\"",
                "\"code\" : \"processor_declined\"").doesNotContain("await card");
        assertThat(result.err()).contains("await card: pending");
    }

    @Test
    void withoutATerminalEachEventIsALogLine() {
        var flow = new ScriptedOnboarding(Outcomes.funded(),
                new ProgressEvent(Phase.CREATE_CUSTOMER, "created", Duration.ofMillis(200), Duration.ZERO,
                        new OnboardingIds("cus_1", null, null, null)),
                new ProgressEvent(Phase.AWAIT_APPLICATION, "underreview", Duration.ofMillis(700),
                        Duration.ofMillis(500), new OnboardingIds("cus_1", "app_1", null, null)));

        var result = flow.cli().terminal(false).run(NEW_CUSTOMER);

        assertThat(result.out()).contains(
                "[    0.2s] create customer: created (customer cus_1)\n",
                "[    0.7s] await application: underreview, next poll in 0.5s (customer cus_1, application app_1)\n");
    }

    @Test
    void onATerminalTheStatusLineIsRedrawnInPlace() {
        var flow = new ScriptedOnboarding(Outcomes.funded(),
                new ProgressEvent(Phase.AWAIT_CARD, "pending", Duration.ofSeconds(2), Duration.ofSeconds(1),
                        Outcomes.ALL_IDS));

        var result = flow.cli().terminal(true).run(NEW_CUSTOMER);

        assertThat(result.out()).contains("\rawait card: pending  elapsed ").contains("next poll in")
                .contains("Done: the card is active and funded.");
    }
}
