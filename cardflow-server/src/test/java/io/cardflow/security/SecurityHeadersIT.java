package io.cardflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The security headers on every kind of answer. The server trusts forwarded headers (as it would behind a TLS
 * proxy, from 127.0.0.1), so a request marked {@code X-Forwarded-Proto: https} counts as secure and gets HSTS.
 */
class SecurityHeadersIT {

    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    private static final Map<String, String> OVER_HTTPS = Map.of("X-Forwarded-Proto", "https");

    private static TestServer server;
    private static Api api;
    private static TestMerchant merchant;

    @BeforeAll
    static void start() {
        server = TestServer.create(Map.of("server.forward-headers-strategy", "native")).start();
        api = server.api();
        merchant = Fixtures.newMerchant(api, Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyKindOfAnswerCarriesThem() {
        Map<String, Api.Response> answers = Map.of(
                "an API answer", api.send("GET", "/api/v1/customers", merchant.key(), null, OVER_HTTPS),
                "a problem from a controller", api.send("GET", "/api/v1/customers/cus_nope", merchant.key(), null, OVER_HTTPS),
                "a 401 for a missing key", api.send("GET", "/api/v1/customers", null, null, OVER_HTTPS),
                "a 401 for a wrong key", api.send("GET", "/api/v1/customers", "sk_wrong", null, OVER_HTTPS),
                "a 413", api.send("POST", "/api/v1/customers", merchant.key(), "{\"a\":\"" + "x".repeat(70_000) + "\"}",
                        Map.of("X-Forwarded-Proto", "https", "Content-Type", "application/json")),
                "a 404 outside the API", api.send("GET", "/nope", null, null, OVER_HTTPS),
                "the health check", api.send("GET", "/actuator/health", null, null, OVER_HTTPS));
        SoftAssertions softly = new SoftAssertions();
        answers.forEach((what, answer) -> {
            softly.assertThat(answer.header("X-Content-Type-Options")).as("nosniff on %s: %s", what, answer).isEqualTo("nosniff");
            softly.assertThat(answer.header("X-Frame-Options")).as("frame options on %s", what).isEqualTo("DENY");
            softly.assertThat(answer.header("Referrer-Policy")).as("referrer policy on %s", what).isEqualTo("no-referrer");
            softly.assertThat(answer.header("Content-Security-Policy")).as("CSP on %s", what).isEqualTo(API_POLICY);
            softly.assertThat(answer.header("Strict-Transport-Security")).as("HSTS on %s", what)
                    .isEqualTo("max-age=31536000 ; includeSubDomains");
        });
        softly.assertAll();
    }

    @Test
    void plainHttpGetsNoHsts() {
        Api.Response answer = api.get("/api/v1/customers", merchant.key());
        assertThat(answer.header("Strict-Transport-Security")).as("RFC 6797 7.2: not over plain HTTP").isNull();
        assertThat(answer.header("Content-Security-Policy")).isEqualTo(API_POLICY);
    }

    /** Swagger UI gets a policy that lets it load its own files, and its page has no inline script that it would block. */
    @Test
    void swaggerUiMayLoadItsOwnFiles() {
        Api.Response page = api.get("/swagger-ui/index.html", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "style-src 'self'", "connect-src 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe-eval").doesNotContainPattern("script-src[^;]*unsafe-inline");
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page.text()).find()).as("inline script in %s", page.text())
                .isFalse();
        assertThat(api.get("/swagger-ui/swagger-initializer.js", null).status()).isEqualTo(200);
        assertThat(api.get("/swagger-ui.html", null).header("Content-Security-Policy")).contains("script-src 'self'");
    }
}
