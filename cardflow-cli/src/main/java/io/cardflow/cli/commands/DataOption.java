package io.cardflow.cli.commands;

import io.cardflow.cli.CliJson;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --data}: a request body as JSON, inline or from a file; typed flags override its fields. */
public final class DataOption {

    @Option(names = "--data", paramLabel = "JSON|@FILE",
            description = "The request body as JSON, or @file.json to read it from a file; typed flags win over it.")
    String data;

    /** The body: {@code --data}, then each typed flag that was given ({@code address.city} sets a nested field). */
    <T> T params(Class<T> type, Map<String, ?> typedFlags) {
        return CliJson.convert(CliJson.overlay(CliJson.readObject(data), typedFlags), type);
    }
}
