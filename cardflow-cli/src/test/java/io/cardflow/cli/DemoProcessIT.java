package io.cardflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.sdk.CardflowClient;
import io.cardflow.sdk.CardflowServerProcess;
import io.cardflow.sdk.model.CardState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code cardflow demo} as the README runs it: the packaged jar, the key found in the server's data directory. */
class DemoProcessIT {

    private static final Path CLI_JAR = Path.of("target", "cardflow-cli.jar");
    private static final Pattern CARD_ID = Pattern.compile("(?m)^card id:\\s+(card_\\S+)$");
    private static final Pattern CUSTOMER_ID = Pattern.compile("(?m)^customer id:\\s+(cus_\\S+)$");
    private static CardflowServerProcess server;
    private static CardflowClient api;

    @BeforeAll
    static void startServer() throws Exception {
        assertThat(CLI_JAR).as("the packaged CLI").isRegularFile();
        server = CardflowServerProcess.start("cli-demo-it");
        api = CardflowClient.builder().apiKey(server.demoMerchantKey()).baseUrl(server.baseUrl()).build();
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void eachRunFundsANewCustomersActiveCardWithTheKeyFromTheDataDirectory() throws Exception {
        var first = cardflow(Map.of("CARDFLOW_DATA_DIR", server.dataDir().toString()), "demo");
        var second = cardflow(Map.of(), "demo", "--data-dir", server.dataDir().toString());

        for (var run : List.of(first, second)) {
            assertThat(run.exitCode()).as(run.stderr() + run.stdout()).isZero();
            assertThat(run.stdout()).contains("Done: the card is active and funded.", "5000 (50.00 USD)",
                    "bin/cardflow authorizations simulate --card " + id(CARD_ID, run));
            var card = api.cards().get(id(CARD_ID, run));
            assertThat(card.state()).isEqualTo(CardState.ACTIVE);
            assertThat(card.balance()).isEqualTo(5000);
            assertThat(card.customerId()).isEqualTo(id(CUSTOMER_ID, run));
        }
        assertThat(id(CUSTOMER_ID, second)).as("a new customer each run").isNotEqualTo(id(CUSTOMER_ID, first));
        assertThat(api.customers().get(id(CUSTOMER_ID, second)).email())
                .isNotEqualTo(api.customers().get(id(CUSTOMER_ID, first)).email());
    }

    @Test
    void anApiKeyInTheEnvironmentWinsOverTheDataDirectory() throws Exception {
        var run = cardflow(Map.of("CARDFLOW_DATA_DIR", server.dataDir().toString(), "CARDFLOW_API_KEY", "sk_wrong"),
                "demo");

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(run.stderr()).contains("HTTP 401");
    }

    private static String id(Pattern pattern, Run run) {
        var matcher = pattern.matcher(run.stdout());
        assertThat(matcher.find()).as(run.stdout()).isTrue();
        return matcher.group(1);
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run cardflow(Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-jar", CLI_JAR.toString()));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile("cardflow-demo-out", ".txt");
        Path err = Files.createTempFile("cardflow-demo-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("CARDFLOW_API_KEY");
        builder.environment().remove("CARDFLOW_DATA_DIR");
        builder.environment().put("CARDFLOW_BASE_URL", server.baseUrl());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the CLI finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
