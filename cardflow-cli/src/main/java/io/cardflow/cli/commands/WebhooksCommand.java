package io.cardflow.cli.commands;

import io.cardflow.cli.CardflowCli;
import io.cardflow.cli.CliJson;
import io.cardflow.cli.UsageException;
import io.cardflow.cli.render.Views;
import io.cardflow.sdk.model.WebhookDelivery;
import io.cardflow.sdk.model.WebhookDeliveryListParams;
import io.cardflow.sdk.model.WebhookDeliveryStatus;
import io.cardflow.sdk.model.WebhookEndpoint;
import io.cardflow.sdk.model.WebhookEndpointCreateParams;
import io.cardflow.sdk.model.WebhookEndpointUpdateParams;
import io.cardflow.sdk.model.WebhookEndpointWithSecret;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "webhooks", description = "Webhook endpoints: where your events are pushed, signed (docs/webhooks.md).",
        footer = {"", "Examples:",
            "  cardflow webhooks create --url https://example.com/hooks --events 'card.*,topup.approved'",
            "  cardflow webhooks deliveries we_... --status failed",
            "  cardflow webhooks replay we_... --since 2026-03-14T00:00:00Z --until 2026-03-15T00:00:00Z"})
public final class WebhooksCommand {

    private static final String EVENTS_DESCRIPTION = "Comma-separated event types (topup.approved), wildcards "
            + "(card.*) or *; none: every event.";

    @ParentCommand
    private CardflowCli cli;

    @Command(name = "create", description = "POST /api/v1/webhook-endpoints (prints the endpoint's secret, this once)")
    void create(@Option(names = "--url", required = true, paramLabel = "URL",
                        description = "Where to POST the events (http or https).") String url,
                @Option(names = "--events", split = ",", paramLabel = "TYPES", description = EVENTS_DESCRIPTION)
                List<String> events,
                @Option(names = "--description", paramLabel = "TEXT", description = "A note for yourself.")
                String description) {
        var params = new WebhookEndpointCreateParams(url, events == null ? null : nonBlank(events), description);
        showWithSecret(cli.client().webhookEndpoints().create(params), "It is shown only this once: store it now, "
                + "your receiver verifies every delivery with it.");
    }

    @Command(name = "list", description = "GET /api/v1/webhook-endpoints (newest first)")
    void list(@Mixin ListOptions paging) {
        cli.output().showPage(cli.client().webhookEndpoints().list(paging.params()), Views::webhookEndpoints,
                WebhookEndpoint::id);
    }

    @Command(name = "get", description = "GET /api/v1/webhook-endpoints/{id}")
    void get(@Parameters(paramLabel = "ENDPOINT_ID") String endpointId) {
        cli.output().show(cli.client().webhookEndpoints().get(endpointId), Views::webhookEndpoint);
    }

    @Command(name = "update", description = "PATCH /api/v1/webhook-endpoints/{id}: changes only what is given")
    void update(@Parameters(paramLabel = "ENDPOINT_ID") String endpointId,
                @Option(names = "--url", paramLabel = "URL", description = "A new URL.") String url,
                @Option(names = "--events", split = ",", paramLabel = "TYPES",
                        description = EVENTS_DESCRIPTION + " '' also means every event.") List<String> events,
                @Option(names = "--description", paramLabel = "TEXT", description = "A new note.") String description,
                @Option(names = "--enable", description = "Deliver to it again.") boolean enable,
                @Option(names = "--disable", description = "Stop delivering to it (events meanwhile are not queued "
                        + "for it; replay fills the gap).") boolean disable) {
        if (enable && disable) {
            throw new UsageException("--enable and --disable exclude each other");
        }
        if (url == null && events == null && description == null && !enable && !disable) {
            throw new UsageException("Nothing to change: give --url, --events, --description, --enable or --disable");
        }
        var params = new WebhookEndpointUpdateParams(url, events == null ? null : nonBlank(events), description,
                enable ? Boolean.TRUE : disable ? Boolean.FALSE : null);
        cli.output().show(cli.client().webhookEndpoints().update(endpointId, params), Views::webhookEndpoint);
    }

    @Command(name = "delete", description = "DELETE /api/v1/webhook-endpoints/{id} (its pending deliveries go too)")
    void delete(@Parameters(paramLabel = "ENDPOINT_ID") String endpointId) {
        cli.client().webhookEndpoints().delete(endpointId);
        var output = cli.output();
        if (output.json()) {
            var deleted = CliJson.newObject().put("id", endpointId).put("deleted", true);
            output.show(deleted, null);
        } else {
            output.writer().println("Deleted " + endpointId + ".");
            output.writer().flush();
        }
    }

    @Command(name = "rotate-secret", description = "POST /api/v1/webhook-endpoints/{id}/rotate-secret (prints the new "
            + "secret, this once; the previous one keeps signing beside it for a while)")
    void rotateSecret(@Parameters(paramLabel = "ENDPOINT_ID") String endpointId) {
        var rotated = cli.client().webhookEndpoints().rotateSecret(endpointId);
        var until = rotated.endpoint().previousSecretExpiresAt();
        showWithSecret(rotated, "It is shown only this once: store it now. "
                + (until == null ? "" : "The previous secret keeps signing beside it until " + until
                        + ": switch your receiver to the new one before then."));
    }

    @Command(name = "deliveries", description = "GET /api/v1/webhook-endpoints/{id}/deliveries (newest first)")
    void deliveries(@Parameters(paramLabel = "ENDPOINT_ID") String endpointId,
                    @Option(names = "--status", paramLabel = "STATUS",
                            description = "Only deliveries that are pending, succeeded or failed.") String status,
                    @Option(names = "--event", paramLabel = "EVENT_ID", description = "Only this event's delivery.")
                    String eventId,
                    @Mixin ListOptions paging) {
        var params = new WebhookDeliveryListParams(status == null ? null : deliveryStatus(status), eventId,
                paging.limit, paging.startingAfter);
        cli.output().showPage(cli.client().webhookEndpoints().deliveries(endpointId, params), Views::webhookDeliveries,
                WebhookDelivery::id);
    }

    @Command(name = "delivery", description = "GET /api/v1/webhook-endpoints/{id}/deliveries/{deliveryId}, with every "
            + "attempt")
    void delivery(@Parameters(index = "0", paramLabel = "ENDPOINT_ID") String endpointId,
                  @Parameters(index = "1", paramLabel = "DELIVERY_ID") String deliveryId) {
        cli.output().show(cli.client().webhookEndpoints().getDelivery(endpointId, deliveryId), Views::webhookDelivery);
    }

    @Command(name = "replay", description = {"POST /api/v1/webhook-endpoints/{id}/replay: delivers one event again "
            + "(--event), or every event of a time range that matches the endpoint's filter (--since and --until, at "
            + "most 31 days), with the same webhook-id as before."})
    void replay(@Parameters(paramLabel = "ENDPOINT_ID") String endpointId,
                @Option(names = "--event", paramLabel = "EVENT_ID", description = "The one event to deliver again.")
                String eventId,
                @Option(names = "--since", paramLabel = "INSTANT",
                        description = "Events created after this instant (2026-03-14T00:00:00Z).") Instant since,
                @Option(names = "--until", paramLabel = "INSTANT", description = "...and before this one.")
                Instant until) {
        var range = since != null || until != null;
        if ((eventId == null) == !range || range && (since == null || until == null)) {
            throw new UsageException("Give either --event EVENT_ID, or --since and --until");
        }
        var endpoints = cli.client().webhookEndpoints();
        var result = eventId != null ? endpoints.replay(endpointId, eventId)
                : endpoints.replay(endpointId, since, until);
        cli.output().show(result, replayed -> () -> "Replaying " + replayed.replayed() + " event"
                + (replayed.replayed() == 1 ? "" : "s") + " to " + endpointId
                + ": due now, with the same webhook-id as before.");
    }

    /** The endpoint, then its secret and what to do with it; under --json the answer as the server gave it. */
    private void showWithSecret(WebhookEndpointWithSecret withSecret, String advice) {
        var output = cli.output();
        if (output.json()) {
            output.show(withSecret, null);
            cli.errorWriter().println("The secret is in \"secret\". " + advice);
            cli.errorWriter().flush();
            return;
        }
        output.show(withSecret, shown -> () -> Views.webhookEndpoint(shown.endpoint()).field("secret", shown.secret())
                .render() + "\n\n" + advice);
    }

    /** {@code --events ''} splits into one blank: no types, that is every event. */
    private static List<String> nonBlank(List<String> events) {
        return events.stream().map(String::strip).filter(type -> !type.isEmpty()).toList();
    }

    private static WebhookDeliveryStatus deliveryStatus(String status) {
        var parsed = WebhookDeliveryStatus.parse(status);
        if (parsed == WebhookDeliveryStatus.UNKNOWN) {
            throw new UsageException("--status must be pending, succeeded or failed, not '" + status + "'");
        }
        return parsed;
    }
}
