package io.cardflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.cli.onboard.Onboardings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Model.OptionSpec;

class HelpTextsTest {

    @ParameterizedTest
    @ValueSource(strings = {"onboard", "demo", "listen", "webhooks", "cards set-controls", "customers set-controls"})
    void everyOptionSaysWhatItIsForAndTheHelpShowsAnExample(String command) {
        var commandLine = CardflowCli.commandLine(CliEnvironment.system(), Onboardings.SDK);
        for (var name : command.split(" ")) {
            commandLine = commandLine.getSubcommands().get(name);
        }
        var spec = commandLine.getCommandSpec();

        assertThat(spec.options()).allSatisfy((OptionSpec option) -> assertThat(String.join(" ", option.description()))
                .as(option.longestName()).isNotBlank());
        assertThat(new CliRun().run((command + " --help").split(" ")).out()).contains("Example");
    }
}
