package io.cardflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few calls the benchmark makes, over one shared HTTP/1.1 client whose work runs on virtual threads. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ADDRESS = "{\"line1\": \"1 Main St\", \"city\": \"Springfield\", \"postalCode\": \"12345\", \"country\": \"US\"}";
    static final String CUSTOMER = "{\"type\": \"individual\", \"firstName\": \"Ana\", \"lastName\": \"Lopez\","
            + " \"email\": \"ana@example.com\", \"phone\": \"+14155550100\", \"dateOfBirth\": \"1990-04-01\", \"address\": " + ADDRESS + "}";
    static final String KYC = "{\"firstName\": \"Ana\", \"lastName\": \"Lopez\", \"dateOfBirth\": \"1990-04-01\", \"nationality\": \"US\","
            + " \"address\": " + ADDRESS + ", \"identityDocument\": {\"type\": \"passport\", \"number\": \"X1234567\","
            + " \"issuingCountry\": \"US\", \"expiryDate\": \"2031-01-01\"}}";
    static final String PRODUCT = "prod_usd_virtual";
    static final String TOPUP = "{\"amount\": 100, \"currency\": \"USD\"}";

    record Response(int status, String body, long completedNanos) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String field(String name) {
            return json().path(name).asString();
        }
    }

    final String base;
    final HttpClient http;

    Api(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    HttpRequest get(String key, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).GET().build();
    }

    HttpRequest post(String key, String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body(), System.nanoTime());
    }

    /** Sends and insists on one status; anything else is an exception naming the answer. */
    Response expect(HttpRequest request, int status) throws IOException, InterruptedException {
        Response r = send(request);
        if (r.status() != status) {
            throw new IOException(request.method() + " " + request.uri().getPath() + " answered " + r.status() + ": " + r.body());
        }
        return r;
    }
}
