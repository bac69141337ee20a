package io.cardflow.sdk;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * The entry point: build one per API key and share it, it is thread-safe.
 *
 * <pre>{@code
 * CardflowClient client = CardflowClient.builder().apiKey("sk_...").build();
 * Customer customer = client.customers().create(params);
 * }</pre>
 */
public final class CardflowClient {

    public static final String API_KEY_VARIABLE = "CARDFLOW_API_KEY";
    public static final String BASE_URL_VARIABLE = "CARDFLOW_BASE_URL";
    public static final String DEFAULT_BASE_URL = "http://localhost:8080";

    private final ProductService products;
    private final CustomerService customers;
    private final ApplicationService applications;
    private final CardService cards;
    private final TopUpService topUps;
    private final BalanceService balance;
    private final AuthorizationService authorizations;
    private final EventService events;
    private final WebhookEndpointService webhookEndpoints;

    private CardflowClient(ApiTransport transport, Sleeper callersSleeper) {
        products = new ProductService(transport);
        customers = new CustomerService(transport);
        applications = new ApplicationService(transport);
        cards = new CardService(transport);
        topUps = new TopUpService(transport);
        balance = new BalanceService(transport);
        authorizations = new AuthorizationService(transport);
        events = new EventService(transport, Clock.systemUTC(), callersSleeper);
        webhookEndpoints = new WebhookEndpointService(transport);
    }

    /** A builder whose API key and base URL default to {@code CARDFLOW_API_KEY} and {@code CARDFLOW_BASE_URL}. */
    public static Builder builder() {
        return new Builder(System::getenv);
    }

    public ProductService products() {
        return products;
    }

    public CustomerService customers() {
        return customers;
    }

    public ApplicationService applications() {
        return applications;
    }

    public CardService cards() {
        return cards;
    }

    public TopUpService topUps() {
        return topUps;
    }

    public BalanceService balance() {
        return balance;
    }

    public AuthorizationService authorizations() {
        return authorizations;
    }

    /** Every state change of the merchant's objects: list, get, and follow live. */
    public EventService events() {
        return events;
    }

    /** Where events are pushed to: endpoints, their secrets, their deliveries and replays (docs/webhooks.md). */
    public WebhookEndpointService webhookEndpoints() {
        return webhookEndpoints;
    }

    public static final class Builder {
        private final UnaryOperator<String> environment;
        private String apiKey;
        private String baseUrl;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxRetries = 3;
        private Duration initialRetryDelay = Duration.ofMillis(500);
        private Duration maxRetryDelay = Duration.ofSeconds(8);
        private Sleeper sleeper = Sleeper.SYSTEM;
        // java.util.Random, unlike the newer generators, may be shared by the threads using one client.
        private RandomGenerator random = new Random();

        Builder(UnaryOperator<String> environment) {
            this.environment = environment;
        }

        /** The merchant's secret key ({@code sk_...}); defaults to {@code CARDFLOW_API_KEY}. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Where the server is, e.g. {@code https://api.example.com}; defaults to {@code CARDFLOW_BASE_URL}, then localhost:8080. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout);
            return this;
        }

        /** How long one attempt may take, from sending to the whole answer. Each retry gets the same again. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout);
            return this;
        }

        /** Retries after the first attempt (default 3); 0 turns retrying off. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** The wait before the first retry (default 500 ms), doubled for each further one. */
        public Builder initialRetryDelay(Duration initialRetryDelay) {
            this.initialRetryDelay = Objects.requireNonNull(initialRetryDelay);
            return this;
        }

        /** The longest wait between attempts (default 8 s), also for a server's {@code Retry-After}. */
        public Builder maxRetryDelay(Duration maxRetryDelay) {
            this.maxRetryDelay = Objects.requireNonNull(maxRetryDelay);
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper);
            return this;
        }

        /** The source of the retry delays' jitter; it must be safe to share between threads. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        public CardflowClient build() {
            var key = firstNonBlank(apiKey, environment.apply(API_KEY_VARIABLE));
            if (key == null) {
                throw new IllegalStateException("No API key: call apiKey(..) or set " + API_KEY_VARIABLE);
            }
            var url = firstNonBlank(baseUrl, environment.apply(BASE_URL_VARIABLE));
            url = url == null ? DEFAULT_BASE_URL : url.replaceAll("/+$", "");
            var http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
            var retryPolicy = new RetryPolicy(maxRetries, initialRetryDelay, maxRetryDelay, random);
            return new CardflowClient(new ApiTransport(http, url, key, requestTimeout, retryPolicy, sleeper),
                    sleeper == Sleeper.SYSTEM ? null : sleeper);
        }

        private static String firstNonBlank(String given, String fromEnvironment) {
            if (given != null && !given.isBlank()) {
                return given.strip();
            }
            return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.strip();
        }
    }
}
