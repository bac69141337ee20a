package io.cardflow.cli.commands;

import io.cardflow.cli.CardflowCli;
import io.cardflow.cli.CliJson;
import io.cardflow.cli.render.Views;
import io.cardflow.sdk.model.Event;
import io.cardflow.sdk.model.EventFollowParams;
import io.cardflow.sdk.model.EventListParams;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "events", description = "The event log: every state change of your objects (docs/events.md).")
public final class EventsCommand {

    @ParentCommand
    private CardflowCli cli;

    /** The filters of list and tail. */
    static final class Filters {
        @Option(names = "--type", paramLabel = "TYPE",
                description = "One event type (card.activated) or a prefix ending with a dot (card.).")
        String type;

        @Option(names = "--object-id", paramLabel = "ID", description = "Only this object's events, in sequence order.")
        String objectId;
    }

    @Command(name = "list", description = "GET /api/v1/events (oldest first)")
    void list(@Mixin Filters filters,
              @Option(names = "--created-after", paramLabel = "INSTANT",
                      description = "Only events created after this instant (2026-03-14T09:00:00Z).")
              Instant createdAfter,
              @Mixin ListOptions paging) {
        var params = new EventListParams(filters.type, filters.objectId, createdAfter, paging.limit,
                paging.startingAfter);
        cli.output().showPage(cli.client().events().list(params), Views::events, Event::id);
    }

    @Command(name = "get", description = "GET /api/v1/events/{eventId}")
    void get(@Parameters(paramLabel = "EVENT_ID") String eventId) {
        cli.output().show(cli.client().events().get(eventId), Views::event);
    }

    @Command(name = "tail", description = {
            "Follows new events live, one line each: time, type, object id, sequence (--json: one JSON object a line).",
            "Long-polls when the server offers it, else polls. Ctrl-C stops (exit 0)."})
    void tail(@Mixin Filters filters,
              @Option(names = "--starting-after", paramLabel = "EVENT_ID",
                      description = "Start after this event instead of now (resume where a previous tail stopped).")
              String startingAfter) {
        var params = EventFollowParams.builder().type(filters.type).objectId(filters.objectId)
                .startingAfter(startingAfter).build();
        var output = cli.output();
        var out = output.writer();
        try (var feed = cli.client().events().follow(params);
             var stop = new StopOnInterrupt(feed::close)) {
            cli.errorWriter().println("Following events; Ctrl-C stops.");
            cli.errorWriter().flush();
            for (Event event : feed) {
                out.println(output.json() ? CliJson.writeLine(event) : Views.eventLine(event));
                out.flush();
            }
        }
    }
}
