package io.cardflow.cli;

import io.cardflow.sdk.StubServer;
import static io.cardflow.sdk.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --api-key and --base-url: the flag, else the environment, else the config file, else the default. */
class SettingsTest {

    @TempDir
    Path home;

    private Path configFile(Path file, String apiKey, String baseUrl) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "api-key=" + apiKey + "\nbase-url=" + baseUrl + "\n");
    }

    private Path defaultConfig(String apiKey, String baseUrl) throws Exception {
        return configFile(home.resolve(".config/cardflow/config.properties"), apiKey, baseUrl);
    }

    @Test
    void flagsWinOverTheEnvironmentAndTheConfigFile() throws Exception {
        try (var server = new StubServer().reply(json(200, Fixtures.BALANCE))) {
            defaultConfig("sk_config", "http://127.0.0.1:1");
            var result = new CliRun().home(home).env("CARDFLOW_API_KEY", "sk_env")
                    .env("CARDFLOW_BASE_URL", "http://127.0.0.1:2")
                    .run("balance", "--api-key", "sk_flag", "--base-url", server.baseUrl());

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(server.onlyRequest().header("Authorization")).isEqualTo("Bearer sk_flag");
        }
    }

    @Test
    void theEnvironmentWinsOverTheConfigFile() throws Exception {
        try (var server = new StubServer().reply(json(200, Fixtures.BALANCE))) {
            defaultConfig("sk_config", "http://127.0.0.1:1");
            var result = new CliRun().home(home).env("CARDFLOW_API_KEY", "sk_env")
                    .env("CARDFLOW_BASE_URL", server.baseUrl()).run("balance");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(server.onlyRequest().header("Authorization")).isEqualTo("Bearer sk_env");
        }
    }

    @Test
    void theDefaultConfigFileIsReadWhenNothingElseSetsAValue() throws Exception {
        try (var server = new StubServer().reply(json(200, Fixtures.BALANCE))) {
            defaultConfig("sk_config", server.baseUrl());
            var result = new CliRun().home(home).run("balance");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(server.onlyRequest().header("Authorization")).isEqualTo("Bearer sk_config");
        }
    }

    @Test
    void configFlagNamesAnotherFile() throws Exception {
        try (var server = new StubServer().reply(json(200, Fixtures.BALANCE))) {
            defaultConfig("sk_default_file", "http://127.0.0.1:1");
            var other = configFile(home.resolve("other.properties"), "sk_other_file", server.baseUrl());
            var result = new CliRun().home(home).run("--config", other.toString(), "balance");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(server.onlyRequest().header("Authorization")).isEqualTo("Bearer sk_other_file");
        }
    }

    @Test
    void aMissingConfigFileGivenByFlagIsAUsageError() {
        var result = new CliRun().home(home).run("balance", "--config", home.resolve("nope.properties").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Cannot read the config file", "nope.properties");
    }

    @Test
    void noApiKeyAnywhereIsAUsageErrorSayingWhereToPutOne() {
        var result = new CliRun().home(home).run("balance");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("No API key", "--api-key", "CARDFLOW_API_KEY", "config.properties");
    }

    @Test
    void theBaseUrlDefaultsToLocalhost() {
        var settings = Settings.resolve("sk_flag", null, null, new CliEnvironment(name -> null, home, false), () -> null);

        assertThat(settings.baseUrl()).isEqualTo("http://localhost:8080");
    }
}
