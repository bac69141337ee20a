package io.cardflow.cli;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * What the CLI reads from the world around it, gathered in one place so that tests can hand it a made-up one:
 * environment variables, the home directory (for the default config file) and whether a person is watching.
 */
public record CliEnvironment(UnaryOperator<String> variables, Path home, boolean terminal) {

    public static CliEnvironment system() {
        return new CliEnvironment(System::getenv, Path.of(System.getProperty("user.home")), System.console() != null);
    }

    public String variable(String name) {
        return variables.apply(name);
    }
}
