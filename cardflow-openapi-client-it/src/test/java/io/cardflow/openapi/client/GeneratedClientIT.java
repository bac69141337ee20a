package io.cardflow.openapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardflow.openapi.client.api.BalanceApi;
import io.cardflow.openapi.client.api.OperatorManualReviewApi;
import io.cardflow.openapi.client.api.OperatorMerchantsApi;
import io.cardflow.openapi.client.api.Phase1CustomersApi;
import io.cardflow.openapi.client.api.Phases23KycKybApi;
import io.cardflow.openapi.client.api.Phases45CardsApi;
import io.cardflow.openapi.client.api.Phases67TopUpsApi;
import io.cardflow.openapi.client.api.ProductsApi;
import io.cardflow.openapi.client.model.Address;
import io.cardflow.openapi.client.model.ApplicationResponse;
import io.cardflow.openapi.client.model.BeneficialOwner;
import io.cardflow.openapi.client.model.BusinessKyb;
import io.cardflow.openapi.client.model.CardResponse;
import io.cardflow.openapi.client.model.CreateCustomerRequest;
import io.cardflow.openapi.client.model.CreateMerchantRequest;
import io.cardflow.openapi.client.model.Customer;
import io.cardflow.openapi.client.model.DecisionRequest;
import io.cardflow.openapi.client.model.IdentityDocument;
import io.cardflow.openapi.client.model.IndividualKyc;
import io.cardflow.openapi.client.model.IssueCardRequest;
import io.cardflow.openapi.client.model.MoneyRequest;
import io.cardflow.openapi.client.model.PageCustomer;
import io.cardflow.openapi.client.model.Problem;
import io.cardflow.openapi.client.model.ReviewItem;
import io.cardflow.openapi.client.model.SubmitApplicationRequest;
import io.cardflow.openapi.client.model.TopUpResponse;
import io.cardflow.sdk.CardflowServerProcess;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Java client generated from docs/openapi.yaml by openapi-generator, used as a stranger would: every call goes
 * through it and every answer, success or problem, must deserialize into its models, with no property the document
 * does not declare and every one it declares required ({@link StrictModels}).
 */
class GeneratedClientIT {

    private static final String INDIVIDUAL_USD = "prod_usd_virtual";
    private static final String BUSINESS_USD = "prod_usd_business";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The status reads of the flow long-poll: answered the moment the decision is made. */
    private static final Integer LONG_POLL = 5;
    private static final int RATE_PER_KEY = 50;
    private static final Address ADDRESS = new Address().line1("1 Main St").city("Springfield").postalCode("12345").country("US");

    private static CardflowServerProcess server;
    private static ApiClient merchant;
    private static ApiClient operator;

    @BeforeAll
    static void startServer() throws Exception {
        // Per-key limits low enough for a test to cross, high enough for the flows' polling (10 requests a second).
        server = CardflowServerProcess.start("generated-client-it", List.of(
                "--cardflow.rate-limits.requests-per-second-per-key=" + RATE_PER_KEY,
                "--cardflow.rate-limits.burst-per-key=" + 2 * RATE_PER_KEY));
        merchant = client(server.demoMerchantKey(), builder -> { });
        operator = client(server.operatorKey(), builder -> { });
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void onboardsAnIndividualToAFundedCardThroughPhasesOneToSeven() throws Exception {
        assertThat(new ProductsApi(merchant).listProducts().getData()).extracting(product -> product.getId()).contains(INDIVIDUAL_USD);

        Customer customer = new Phase1CustomersApi(merchant).createCustomer(individual("Ana", "Lopez"), null);
        assertThat(customer.getCustomerId()).startsWith("cus_");

        var applications = new Phases23KycKybApi(merchant);
        ApplicationResponse submitted = applications.submitApplication(customer.getCustomerId(), INDIVIDUAL_USD,
                new SubmitApplicationRequest(kyc("Ana", "Lopez")), null);
        assertThat(String.valueOf(submitted.getStatus())).isEqualTo("underreview");
        ApplicationResponse approved = await(() -> applications.getApplicationStatus(customer.getCustomerId(), INDIVIDUAL_USD, LONG_POLL),
                status -> "approved".equals(String.valueOf(status.getStatus())));
        assertThat(approved.getReasons()).isEmpty();

        var cards = new Phases45CardsApi(merchant);
        CardResponse issued = cards.issueCard(new IssueCardRequest().customerId(customer.getCustomerId()).productId(INDIVIDUAL_USD), null);
        assertThat(String.valueOf(issued.getState())).isEqualTo("pending");
        CardResponse active = await(() -> cards.getCard(issued.getCardId(), LONG_POLL), card -> "active".equals(String.valueOf(card.getState())));
        assertThat(active.getLast4()).hasSize(4);

        var topUps = new Phases67TopUpsApi(merchant);
        TopUpResponse topUp = topUps.createTopUp(active.getCardId(), new MoneyRequest().amount(5000L).currency("USD"), null);
        assertThat(topUp.getTopupId()).isEqualTo(topUp.getTransactionId());
        TopUpResponse settled = await(() -> topUps.getTopUpStatus(topUp.getTopupId(), LONG_POLL),
                status -> !"pending".equals(String.valueOf(status.getStatus())));
        assertThat(String.valueOf(settled.getStatus())).isEqualTo("approved");
        assertThat(cards.getCard1(active.getCardId(), null).getBalance()).isEqualTo(5000L);
        assertThat(topUps.listCardTopUps(active.getCardId(), 10, null).getData()).hasSize(1);
    }

    @Test
    void submitsKybForABusiness() throws Exception {
        Customer business = new Phase1CustomersApi(merchant).createCustomer(new CreateCustomerRequest()
                .type(CreateCustomerRequest.TypeEnum.BUSINESS).legalName("Northwind Traders Ltd")
                .email("finance@northwind.example").address(ADDRESS), null);
        var kyb = new BusinessKyb().legalName("Northwind Traders Ltd").registrationNumber("NW-2019-0042").country("US")
                .address(ADDRESS).addBeneficialOwnersItem(new BeneficialOwner().firstName("Grace").lastName("Hopper")
                        .dateOfBirth(LocalDate.of(1980, 12, 9)).nationality("US").ownershipPercent(60));
        var applications = new Phases23KycKybApi(merchant);
        applications.submitApplication(business.getCustomerId(), BUSINESS_USD, new SubmitApplicationRequest(kyb), null);

        ApplicationResponse approved = await(() -> applications.getApplicationStatus(business.getCustomerId(), BUSINESS_USD, LONG_POLL),
                status -> !"underreview".equals(String.valueOf(status.getStatus())));
        assertThat(String.valueOf(approved.getStatus())).isEqualTo("approved");
    }

    @Test
    void pagesThroughCustomers() throws Exception {
        var customers = new Phase1CustomersApi(merchant);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(0, customers.createCustomer(individual("Page", "Reader"), null).getCustomerId());
        }
        PageCustomer first = customers.listCustomers(2, null);
        assertThat(first.getData()).extracting(Customer::getCustomerId).containsExactly(created.get(0), created.get(1));
        assertThat(first.getHasMore()).isTrue();
        PageCustomer second = customers.listCustomers(1, first.getData().get(1).getCustomerId());
        assertThat(second.getData()).extracting(Customer::getCustomerId).containsExactly(created.get(2));
        assertThat(customers.listCustomers(null, null).getData()).hasSizeLessThanOrEqualTo(10);
    }

    @Test
    void replaysAnIdempotentRequestAndSaysSo() throws Exception {
        var customers = new Phase1CustomersApi(merchant);
        String key = "generated-client-" + UUID.randomUUID();
        var first = customers.createCustomerWithHttpInfo(individual("Once", "Only"), key);
        var again = customers.createCustomerWithHttpInfo(individual("Once", "Only"), key);

        assertThat(again.getData().getCustomerId()).isEqualTo(first.getData().getCustomerId());
        assertThat(first.getHeaders()).containsKey("x-request-id").doesNotContainKey("idempotent-replayed");
        assertThat(again.getHeaders().get("idempotent-replayed")).containsExactly("true");
    }

    @Test
    void operatorReviewsAnApplicationThatTheEngineLeftForAPerson() throws Exception {
        Customer customer = new Phase1CustomersApi(merchant).createCustomer(individual("Viktor", "Petrof"), null);
        var applications = new Phases23KycKybApi(merchant);
        ApplicationResponse submitted = applications.submitApplication(customer.getCustomerId(), INDIVIDUAL_USD,
                new SubmitApplicationRequest(kyc("Viktor", "Petrof")), null);
        await(() -> applications.getApplicationStatus(customer.getCustomerId(), INDIVIDUAL_USD, null),
                status -> Boolean.TRUE.equals(status.getManualReview()));

        var review = new OperatorManualReviewApi(operator);
        assertThat(review.listReviewQueue(100, null).getData())
                .extracting(item -> item.getApplication().getApplicationId()).contains(submitted.getApplicationId());
        ReviewItem item = review.getApplication(submitted.getApplicationId());
        assertThat(item.getKyc().getLastName()).isEqualTo("Petrof");
        assertThat(item.getKyb()).isNull();

        ReviewItem decided = review.decideApplication(submitted.getApplicationId(),
                new DecisionRequest().decision(DecisionRequest.DecisionEnum.APPROVED).note("Not the listed person"), null);
        assertThat(String.valueOf(decided.getApplication().getStatus())).isEqualTo("approved");
        assertThat(String.valueOf(applications.getApplicationStatus(customer.getCustomerId(), INDIVIDUAL_USD, null).getStatus()))
                .isEqualTo("approved");
    }

    @Test
    void eachProblemATestCanProvokeArrivesAsTheDocumentsProblemModel() throws Exception {
        var customers = new Phase1CustomersApi(merchant);
        CreateCustomerRequest valid = individual("Err", "Ors");

        expectProblem(400, "malformed_json", () -> new Phase1CustomersApi(client(server.demoMerchantKey(),
                builder -> builder.POST(HttpRequest.BodyPublishers.ofString("{\"type\":")))).createCustomer(valid, null));
        expectProblem(401, "unauthorized", () -> new Phase1CustomersApi(client("sk_not_a_key", builder -> { }))
                .listCustomers(null, null));
        expectProblem(404, "not_found", () -> customers.getCustomer("cus_unknown"));
        expectProblem(404, "not_found", () -> new Phases45CardsApi(merchant)
                .issueCard(new IssueCardRequest().customerId("cus_unknown").productId(INDIVIDUAL_USD), null));
        expectProblem(406, "not_acceptable", () -> new Phase1CustomersApi(client(server.demoMerchantKey(),
                builder -> builder.setHeader("Accept", "text/html"))).listCustomers(null, null));
        expectProblem(413, "payload_too_large", () -> new Phase1CustomersApi(client(server.demoMerchantKey(),
                builder -> builder.POST(HttpRequest.BodyPublishers.ofString("{\"pad\":\"" + "x".repeat(70_000) + "\"}"))))
                .createCustomer(valid, null));
        expectProblem(415, "unsupported_media_type", () -> new Phase1CustomersApi(client(server.demoMerchantKey(),
                builder -> builder.setHeader("Content-Type", "text/plain"))).createCustomer(valid, null));
        expectProblem(422, "validation_failed", () -> customers.createCustomer(individual("Err", "Ors").email("not-an-email"), null));
        expectProblem(422, "validation_failed", () -> customers.listCustomers(0, null));

        var merchants = new OperatorMerchantsApi(operator);
        String merchantId = merchants.createMerchant(new CreateMerchantRequest().name("Revoked Twice Ltd"), null).getMerchantId();
        String apiKeyId = merchants.createApiKey(merchantId, null).getApiKeyId();
        assertThat(merchants.revokeApiKey(merchantId, apiKeyId).getRevokedAt()).isNotNull();
        expectProblem(409, "api_key_already_revoked", () -> merchants.revokeApiKey(merchantId, apiKeyId));

        var hurried = new BalanceApi(client(merchants.createApiKey(merchantId, null).getKey(), builder -> { }));
        expectProblem(429, "rate_limited", () -> {
            for (int call = 0; call < 100 * RATE_PER_KEY; call++) {
                hurried.getBalance();
            }
            return "never limited";
        });
    }

    private static void expectProblem(int status, String code, Callable<?> call) {
        assertThatThrownBy(call::call).isInstanceOfSatisfying(ApiException.class, failure -> {
            assertThat(failure.getCode()).as(failure.getResponseBody()).isEqualTo(status);
            assertThat(failure.getResponseHeaders().firstValue("X-Request-Id")).isPresent();
            if (status == 429 || status == 503) {
                assertThat(failure.getResponseHeaders().firstValue("Retry-After")).isPresent();
            }
            Problem problem;
            try {
                problem = StrictModels.strict(JSON.getDefault().getMapper()).readValue(failure.getResponseBody(), Problem.class);
            } catch (Exception unreadable) {
                throw new AssertionError("The " + status + " body is not the document's Problem: " + failure.getResponseBody(), unreadable);
            }
            assertThat(problem.getStatus()).isEqualTo(status);
            assertThat(String.valueOf(problem.getCode())).isEqualTo(code);
        });
    }

    private static ApiClient client(String key, Consumer<HttpRequest.Builder> tamper) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.baseUrl());
        client.setObjectMapper(StrictModels.strict(client.getObjectMapper()));
        client.setRequestInterceptor(builder -> {
            builder.setHeader("Authorization", "Bearer " + key);
            tamper.accept(builder);
        });
        return client;
    }

    private static CreateCustomerRequest individual(String firstName, String lastName) {
        return new CreateCustomerRequest().type(CreateCustomerRequest.TypeEnum.INDIVIDUAL).firstName(firstName)
                .lastName(lastName).dateOfBirth(LocalDate.of(1990, 4, 1))
                .email(firstName.toLowerCase() + "@example.com").address(ADDRESS);
    }

    private static IndividualKyc kyc(String firstName, String lastName) {
        return new IndividualKyc().firstName(firstName).lastName(lastName).dateOfBirth(LocalDate.of(1990, 4, 1))
                .nationality("US").address(ADDRESS).identityDocument(new IdentityDocument()
                        .type(IdentityDocument.TypeEnum.PASSPORT).number("X1234567").issuingCountry("US")
                        .expiryDate(LocalDate.now().plusYears(5)));
    }

    private static <T> T await(Callable<T> call, Predicate<T> done) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            T answer = call.call();
            if (done.test(answer) || Instant.now().isAfter(deadline)) {
                return answer;
            }
            Thread.sleep(100);
        }
    }
}
