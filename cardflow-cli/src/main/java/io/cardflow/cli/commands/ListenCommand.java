package io.cardflow.cli.commands;

import io.cardflow.cli.CardflowCli;
import io.cardflow.cli.CliJson;
import io.cardflow.cli.UsageException;
import io.cardflow.sdk.CardflowClient;
import io.cardflow.sdk.WebhookSigner;
import io.cardflow.sdk.exception.CardflowException;
import io.cardflow.sdk.model.Event;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "listen", sortOptions = false,
        description = {"Receives your events on this machine without a public URL: follows the event log from now "
                + "(long-poll) and POSTs each event matching --events to --forward-to, signed exactly as a webhook "
                + "delivery (the same body, webhook-id, webhook-timestamp and webhook-signature), so your receiver's "
                + "verification runs as in production.",
            "Prints a line per event: time, type, event id, then the receiver's status code and time, or why it did "
                + "not answer. A failing receiver does not stop it (nor is the event tried again); Ctrl-C stops "
                + "(exit 0)."},
        footer = {"", "Example:",
            "  cardflow listen --forward-to http://localhost:3000/hooks --events 'card.*,topup.*'"})
public final class ListenCommand implements Callable<Integer> {

    /** One forwarded event, as a --json line. */
    record Line(String eventId, String type, Instant createdAt, Integer statusCode, long durationMs, String error) {
    }

    @ParentCommand
    private CardflowCli cli;

    @Option(names = "--forward-to", required = true, paramLabel = "URL",
            description = "Your local receiver (http://localhost:3000/hooks).")
    private String forwardTo;

    @Option(names = "--events", split = ",", paramLabel = "TYPES",
            description = "Comma-separated event types (topup.approved), wildcards (card.*) or *, as an endpoint's "
                    + "filter; default: every event.")
    private List<String> events;

    @Option(names = "--secret", paramLabel = "WHSEC",
            description = "The whsec_... secret to sign with, e.g. your receiver's test secret; default: a new one, "
                    + "printed at start.")
    private String secret;

    @Override
    public Integer call() throws InterruptedException {
        var patterns = EventPatterns.parse(events);
        var signingSecret = secret != null ? secret.strip() : WebhookSigner.generateSecret();
        var forwarder = new LocalForwarder(target(), signer(signingSecret), "cardflow-cli-listen", Clock.systemUTC());
        var client = cli.client();
        var output = cli.output();
        var err = cli.errorWriter();
        try (var feed = client.events().follow();
             var stop = new StopOnInterrupt(feed::close)) {
            err.println("Forwarding " + patterns.describe() + " to " + forwardTo + "; Ctrl-C stops.");
            err.println("Webhook signing secret: " + signingSecret + (secret != null ? ""
                    : " (new for this run; pass --secret to keep one)"));
            err.flush();
            for (Event event : feed) {
                if (patterns.matches(event.typeName())) {
                    var line = forward(client, forwarder, event);
                    output.writer().println(output.json() ? CliJson.writeLine(line) : humanLine(line));
                    output.writer().flush();
                }
            }
        }
        return 0;
    }

    /** The event as the server sends it, byte for byte, then to the receiver; a failure is the line's error. */
    private static Line forward(CardflowClient client, LocalForwarder forwarder, Event event)
            throws InterruptedException {
        byte[] body;
        try {
            body = client.events().getRaw(event.id());
        } catch (CardflowException unreadable) {
            return new Line(event.id(), event.typeName(), event.createdAt(), null, 0,
                    "not forwarded, the event could not be read: " + unreadable.getMessage());
        }
        var forwarded = forwarder.forward(event.id(), body);
        return new Line(event.id(), event.typeName(), event.createdAt(), forwarded.statusCode(),
                forwarded.took().toMillis(), forwarded.error());
    }

    static String humanLine(Line line) {
        var answer = line.statusCode() != null ? line.statusCode().toString() : "error: " + line.error();
        return "%-24s  %-27s  %-30s  -> %s (%d ms)".formatted(line.createdAt(), line.type(), line.eventId(), answer,
                line.durationMs());
    }

    private URI target() {
        try {
            var uri = new URI(forwardTo.strip());
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException malformed) {
            // Reported below, with what a valid one looks like.
        }
        throw new UsageException("--forward-to must be an http(s) URL, like http://localhost:3000/hooks");
    }

    private static WebhookSigner signer(String secret) {
        try {
            return new WebhookSigner(secret);
        } catch (IllegalArgumentException notASecret) {
            throw new UsageException("--secret must be whsec_ followed by base64, like the secrets cardflow makes");
        }
    }
}
