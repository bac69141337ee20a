package io.cardflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutTheServersKeyItSaysHowToStartTheServerAndExitsWithTwo() {
        var result = new CliRun().run("demo", "--data-dir", dataDir.toString(), "--wait", "0");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("No demo merchant key in " + dataDir.resolve("demo-merchant-api-key.txt"),
                "bin/cardflow-server", "CARDFLOW_API_KEY");
    }
}
