package io.cardflow.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MerchantDecisionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Optional<MerchantDecision> parse(String body) {
        return MerchantDecision.parse(JSON, body.getBytes(StandardCharsets.UTF_8), 1_000);
    }

    @Test
    void anApprovalIsForTheWholeAmountUnlessItNamesAPartialOne() {
        assertThat(parse("{\"approved\": true}")).contains(new MerchantDecision(true, 1_000, Map.of()));
        assertThat(parse("{\"approved\": true, \"amount\": 1}")).contains(new MerchantDecision(true, 1, Map.of()));
        assertThat(parse("{\"approved\": true, \"amount\": 1000}")).contains(new MerchantDecision(true, 1_000, Map.of()));
        assertThat(parse("{\"approved\": false, \"amount\": 10}")).contains(new MerchantDecision(false, 0, Map.of()));
    }

    @Test
    void metadataOfStringsIsKeptInOrder() {
        MerchantDecision decision = parse("{\"approved\": true, \"metadata\": {\"b\": \"2\", \"a\": \"1\"}}").orElseThrow();
        assertThat(decision.metadata().keySet()).containsExactly("b", "a");
    }

    @Test
    void anythingElseIsNoDecision() {
        for (String body : new String[]{"", "approved", "[]", "null", "{}", "{\"approved\": \"true\"}",
                "{\"approved\": true, \"amount\": 0}", "{\"approved\": true, \"amount\": 1001}",
                "{\"approved\": true, \"amount\": 10.5}", "{\"approved\": true, \"extra\": 1}",
                "{\"approved\": true, \"metadata\": []}", "{\"approved\": true, \"metadata\": {\"a\": 1}}",
                "{\"approved\": true, \"metadata\": {\"bad key\": \"x\"}}",
                "{\"approved\": true, \"metadata\": {\"a\": \"" + "x".repeat(MerchantDecision.MAX_VALUE_LENGTH + 1) + "\"}}",
                "{\"approved\": true, \"metadata\": {" + IntStream.rangeClosed(0, MerchantDecision.MAX_METADATA_ENTRIES)
                        .mapToObj(i -> "\"k" + i + "\": \"v\"").collect(Collectors.joining(",")) + "}}"}) {
            assertThat(parse(body)).as(body).isEmpty();
        }
    }
}
