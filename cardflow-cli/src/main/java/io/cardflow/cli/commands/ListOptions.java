package io.cardflow.cli.commands;

import io.cardflow.sdk.model.ListParams;
import picocli.CommandLine.Option;

/** The paging flags of every list command. */
public final class ListOptions {

    @Option(names = "--limit", paramLabel = "N", description = "Items per page, 1-100 (server default 10).")
    Integer limit;

    @Option(names = "--starting-after", paramLabel = "ID", description = "Continue after this id (the next page).")
    String startingAfter;

    ListParams params() {
        return new ListParams(limit, startingAfter);
    }
}
