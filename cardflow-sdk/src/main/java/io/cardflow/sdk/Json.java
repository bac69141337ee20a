package io.cardflow.sdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The SDK's one JSON mapper, tuned for a client that must keep working against newer servers. */
final class Json {

    private Json() {
    }

    static JsonMapper mapper() {
        return JsonMapper.builder()
                // A newer server may add fields; an older SDK must still read its answers.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Fields a state does not have yet (a pending card's expiry) are simply absent.
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // The server refuses some fields outright (a virtual card's shipping address): omit, never send null.
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }
}
