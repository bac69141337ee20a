package io.cardflow.cli;

import io.cardflow.sdk.CardflowClient;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The API key and base URL, each taken from the first place that sets it: the flag, then the environment
 * ({@code CARDFLOW_API_KEY}, {@code CARDFLOW_BASE_URL}), then the config file, then the default. A command may add a
 * fallback key of its own ({@code demo}: the key the server wrote into its data directory), asked for only when
 * neither the flag nor the environment gives one, and taken before the config file.
 */
public record Settings(String apiKey, String baseUrl) {

    static final String API_KEY_PROPERTY = "api-key";
    static final String BASE_URL_PROPERTY = "base-url";

    /** Where the config file is looked for when {@code --config} is not given. */
    static Path defaultConfigFile(CliEnvironment environment) {
        return environment.home().resolve(".config/cardflow/config.properties");
    }

    /**
     * @param configFile the {@code --config} flag: it must exist; when null, the default file is read if present
     * @param fallbackApiKey gives a key when neither the flag nor the environment does; it may answer null
     * @throws UsageException when the config file given cannot be read, or no API key is set anywhere
     */
    static Settings resolve(String apiKeyFlag, String baseUrlFlag, Path configFile, CliEnvironment environment,
                            Supplier<String> fallbackApiKey) {
        var config = readConfig(configFile, environment);
        var apiKey = firstSet(apiKeyFlag, environment.variable(CardflowClient.API_KEY_VARIABLE));
        if (apiKey == null) {
            apiKey = firstSet(fallbackApiKey.get(), config.getProperty(API_KEY_PROPERTY));
        }
        if (apiKey == null) {
            throw new UsageException("No API key: pass --api-key, set " + CardflowClient.API_KEY_VARIABLE
                    + " or put " + API_KEY_PROPERTY + "=... in " + (configFile != null ? configFile
                    : defaultConfigFile(environment)));
        }
        var baseUrl = firstSet(baseUrlFlag, environment.variable(CardflowClient.BASE_URL_VARIABLE),
                config.getProperty(BASE_URL_PROPERTY), CardflowClient.DEFAULT_BASE_URL);
        return new Settings(apiKey, baseUrl);
    }

    private static Properties readConfig(Path configFile, CliEnvironment environment) {
        var file = configFile != null ? configFile : defaultConfigFile(environment);
        var properties = new Properties();
        if (configFile == null && !Files.isRegularFile(file)) {
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new UsageException("Cannot read the config file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String firstSet(String... candidates) {
        for (var candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        return null;
    }
}
