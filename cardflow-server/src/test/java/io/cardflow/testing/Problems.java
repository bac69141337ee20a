package io.cardflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Assertions on RFC 9457 problem answers, shared by the integration tests. */
public final class Problems {

    /** What no error body may ever contain: traces, class names, SQL or database names. */
    public static final List<String> LEAKS = List.of("Exception", "at io.", "at org.", "SQL", "select ", "insert ",
            "org.h2", "postgres", "tools.jackson", "java.");

    private Problems() {
    }

    /** The answer is a problem with this status and machine code. */
    public static JsonNode assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.field("code")).as(response.toString()).isEqualTo(code);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.field("requestId")).as(response.toString()).isNotBlank();
        return response.json();
    }

    /** The field names of a 422's {@code errors}. */
    public static List<String> errorFields(Api.Response response) {
        JsonNode errors = response.json().get("errors");
        return errors == null ? List.of() : errors.valueStream().map(error -> error.get("field").asString()).toList();
    }
}
