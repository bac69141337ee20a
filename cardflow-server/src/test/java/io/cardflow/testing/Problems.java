package io.cardflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Assertions on RFC 9457 problem answers, shared by the integration tests. */
public final class Problems {

    /** What no error body may ever contain: traces, class names, SQL or database names. */
    public static final List<String> LEAKS = List.of("Exception", "at io.", "at org.", "SQL", "select ", "insert ",
            "org.h2", "postgres", "tools.jackson", "java.");

    /** A generated id ({@code req_…}, {@code mer_…}): 24 random base-62 characters, which may spell anything. */
    private static final Pattern GENERATED_ID = Pattern.compile("\\b[a-z]+_[A-Za-z0-9]{24}\\b");

    private Problems() {
    }

    /** The error body with its generated ids blanked, so that a leak check cannot match a random id by chance. */
    public static String withoutGeneratedIds(String body) {
        return GENERATED_ID.matcher(body).replaceAll("<id>");
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
