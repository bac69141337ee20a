package io.cardflow.cli;

import java.io.IOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code cardflow --version}: the project version, written into a resource by the build. */
final class CliVersion implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        var properties = new Properties();
        try (var resource = CliVersion.class.getResourceAsStream("/cardflow-cli.properties")) {
            if (resource != null) {
                properties.load(resource);
            }
        }
        return new String[] {"cardflow " + properties.getProperty("version", "(development)"),
            "Java " + Runtime.version()};
    }
}
