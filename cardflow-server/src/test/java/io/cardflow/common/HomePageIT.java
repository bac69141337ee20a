package io.cardflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code GET /} leads a person somewhere useful, without a key; other clients are told where the API is described. */
class HomePageIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBrowserGetsAPageLinkingToTheDocumentationWithoutAKey() throws Exception {
        HttpResponse<String> page = get("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("href=\"swagger-ui.html\"", "href=\"v3/api-docs.yaml\"", "href=\"actuator/health\"")
                .doesNotContain("http://", "https://");
        for (String link : new String[] {"/swagger-ui.html", "/v3/api-docs.yaml", "/actuator/health"}) {
            HttpResponse<String> target = http.send(HttpRequest.newBuilder(URI.create(TestServer.shared().baseUrl() + link)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(target.statusCode()).as(link).isIn(200, 302);
        }
    }

    @Test
    void aJsonClientIsToldWhereTheApiIsDescribed() throws Exception {
        HttpResponse<String> answer = get("application/json");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"code\":\"not_found\"").contains("the API reference is at /swagger-ui.html");
    }

    private HttpResponse<String> get(String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(TestServer.shared().baseUrl() + "/")).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
