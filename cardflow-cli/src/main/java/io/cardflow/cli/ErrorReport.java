package io.cardflow.cli;

import io.cardflow.sdk.exception.ApiException;
import io.cardflow.sdk.exception.ConnectionException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Tells the person on stderr what went wrong, in words they can act on, and picks the exit code. */
final class ErrorReport implements IExecutionExceptionHandler {

    private final ExitCodes exitCodes = new ExitCodes();

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        var err = commandLine.getErr();
        switch (exception) {
            case ApiException api -> describe(api, err);
            case ConnectionException connection -> err.println("Error: " + connection.getMessage()
                    + "\nIs the server running? The base URL comes from --base-url, CARDFLOW_BASE_URL or the config file.");
            case UsageException usage -> err.println("Error: " + usage.getMessage()
                    + "\nSee '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
            default -> exception.printStackTrace(err);
        }
        err.flush();
        return exitCodes.getExitCode(exception);
    }

    static void describe(ApiException api, PrintWriter err) {
        err.println("Error: HTTP " + api.status() + (api.code() != null ? " " + api.code() : "")
                + (api.detail() != null ? ": " + api.detail() : ""));
        api.errors().forEach(error -> err.println("  " + error.field() + ": " + error.message()));
        if (api.requestId() != null) {
            err.println("Request id: " + api.requestId() + " (quote it to support)");
        }
    }
}
