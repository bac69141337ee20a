package io.cardflow.sdk;

import static io.cardflow.sdk.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientBuilderTest {

    private final StubServer stub = new StubServer();

    ClientBuilderTest() throws IOException {
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private static CardflowClient.Builder withEnvironment(Map<String, String> variables) {
        return new CardflowClient.Builder(variables::get).sleeper(duration -> { });
    }

    @Test
    void takesTheKeyAndBaseUrlFromTheEnvironment() {
        stub.reply(json(200, "{\"merchantId\": \"mer_1\"}"));

        withEnvironment(Map.of("CARDFLOW_API_KEY", "sk_from_env", "CARDFLOW_BASE_URL", stub.baseUrl() + "/"))
                .build().balance().get();

        assertThat(stub.onlyRequest().header("Authorization")).isEqualTo("Bearer sk_from_env");
        assertThat(stub.onlyRequest().path()).isEqualTo("/api/v1/balance");
    }

    @Test
    void explicitSettingsWinOverTheEnvironment() {
        stub.reply(json(200, "{\"merchantId\": \"mer_1\"}"));

        withEnvironment(Map.of("CARDFLOW_API_KEY", "sk_from_env", "CARDFLOW_BASE_URL", "http://127.0.0.1:1"))
                .apiKey("sk_explicit").baseUrl(stub.baseUrl()).build().balance().get();

        assertThat(stub.onlyRequest().header("Authorization")).isEqualTo("Bearer sk_explicit");
    }

    @Test
    void refusesToBuildWithoutAKey() {
        assertThatThrownBy(() -> withEnvironment(Map.of()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CARDFLOW_API_KEY");
    }

    @Test
    void aBlankIdIsRefusedBeforeAnythingIsSent() {
        var client = withEnvironment(Map.of("CARDFLOW_API_KEY", "sk_1", "CARDFLOW_BASE_URL", stub.baseUrl())).build();

        assertThatThrownBy(() -> client.cards().get(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(stub.received()).isEmpty();
    }
}
