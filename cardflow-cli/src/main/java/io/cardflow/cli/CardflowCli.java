package io.cardflow.cli;

import io.cardflow.cli.commands.AuthorizationsCommand;
import io.cardflow.cli.commands.BalanceCommand;
import io.cardflow.cli.commands.CardsCommand;
import io.cardflow.cli.commands.CustomersCommand;
import io.cardflow.cli.commands.EventsCommand;
import io.cardflow.cli.commands.KycCommand;
import io.cardflow.cli.commands.ListenCommand;
import io.cardflow.cli.commands.ProductsCommand;
import io.cardflow.cli.commands.TopUpsCommand;
import io.cardflow.cli.commands.WebhooksCommand;
import io.cardflow.cli.onboard.DemoCommand;
import io.cardflow.cli.onboard.OnboardCommand;
import io.cardflow.cli.onboard.Onboardings;
import io.cardflow.sdk.CardflowClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

// scope INHERIT gives every subcommand --help (and --version) too.
@Command(name = "cardflow", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = CliVersion.class,
        description = "The cardflow Card API from the command line: one subcommand per endpoint, `onboard` for "
                + "the whole flow from a new customer to a funded card, `demo` for that flow with sample data, and "
                + "`listen` to receive your events as webhooks on this machine.",
        subcommands = {ProductsCommand.class, CustomersCommand.class, KycCommand.class, CardsCommand.class,
            TopUpsCommand.class, BalanceCommand.class, AuthorizationsCommand.class, EventsCommand.class,
            WebhooksCommand.class, ListenCommand.class, OnboardCommand.class, DemoCommand.class},
        footer = {"", "Settings: --api-key and --base-url each come from the flag, else the environment variable, "
                + "else the config file, else the default."})
public final class CardflowCli implements Runnable {

    // INHERIT lets the global options follow a subcommand too (`cardflow cards get c_1 --json`); the values still
    // land in these fields, so the subcommands read them here.
    @Option(names = "--api-key", scope = ScopeType.INHERIT, paramLabel = "KEY",
            description = "The merchant's secret key (env CARDFLOW_API_KEY, config api-key).")
    private String apiKey;

    @Option(names = "--base-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Where the server is (env CARDFLOW_BASE_URL, config base-url; default "
                    + CardflowClient.DEFAULT_BASE_URL + ").")
    private String baseUrl;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "A properties file with api-key and base-url (default ~/.config/cardflow/config.properties"
                    + " when present).")
    private Path configFile;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print machine-readable JSON.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    private final CliEnvironment environment;
    private final Onboardings onboardings;
    private CardflowClient client;
    private Supplier<String> fallbackApiKey = () -> null;

    public CardflowCli(CliEnvironment environment, Onboardings onboardings) {
        this.environment = environment;
        this.onboardings = onboardings;
    }

    public static void main(String[] args) {
        System.exit(commandLine(CliEnvironment.system(), Onboardings.SDK).execute(args));
    }

    /** The whole command line, ready to {@code execute}; tests build it with their own environment. */
    public static CommandLine commandLine(CliEnvironment environment, Onboardings onboardings) {
        var commandLine = new CommandLine(new CardflowCli(environment, onboardings))
                // `--data @file.json` is ours to read: picocli would otherwise expand it as an argument file.
                .setExpandAtFiles(false)
                // `--poll guide`, as the help spells it.
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new ErrorReport())
                .setExitCodeExceptionMapper(new ExitCodes());
        commandLine.getCommandSpec().usageMessage().footer(concat(
                commandLine.getCommandSpec().usageMessage().footer(), ExitCodes.HELP_FOOTER));
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The SDK client for the settings given; made on first use so that `--help` needs no API key. */
    public CardflowClient client() {
        if (client == null) {
            var settings = settings();
            client = CardflowClient.builder().apiKey(settings.apiKey()).baseUrl(settings.baseUrl()).build();
        }
        return client;
    }

    public Settings settings() {
        return Settings.resolve(apiKey, baseUrl, configFile, environment, fallbackApiKey);
    }

    /** A key for when neither --api-key nor the environment gives one; it wins over the config file's. */
    public void fallbackApiKey(Supplier<String> fallbackApiKey) {
        this.fallbackApiKey = fallbackApiKey;
    }

    public Output output() {
        return new Output(spec.commandLine().getOut(), json);
    }

    /** Where errors and, under --json, progress go. */
    public PrintWriter errorWriter() {
        return spec.commandLine().getErr();
    }

    public CliEnvironment environment() {
        return environment;
    }

    public Onboardings onboardings() {
        return onboardings;
    }

    private static String[] concat(String[] first, String[] second) {
        var both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
