package io.cardflow.cli;

import io.cardflow.sdk.exception.ApiException;
import io.cardflow.sdk.exception.ConnectionException;
import io.cardflow.sdk.flow.OnboardingOutcome;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;

/** The process's exit status, distinct for each kind of failure so that scripts can branch on it. */
public final class ExitCodes implements IExitCodeExceptionMapper {

    public static final int OK = 0;
    public static final int UNEXPECTED = 1;
    public static final int USAGE = 2;
    public static final int API_ERROR = 3;
    public static final int REJECTED = 4;
    public static final int TIMED_OUT_OR_PENDING = 5;
    public static final int CONNECTION = 6;
    /** What shells report for a process stopped by Ctrl-C (128 + SIGINT). */
    public static final int CANCELLED = 130;

    /** The lines of {@code cardflow --help}'s footer; docs/cli.md repeats them. */
    static final String[] HELP_FOOTER = {
        "",
        "Exit codes:",
        "  0    success (onboard: a funded card)",
        "  1    unexpected error (a bug: please report it)",
        "  2    usage error: bad option or JSON, no API key",
        "  3    API error: the server refused the request (details on stderr)",
        "  4    rejected: application, card or top-up (onboard)",
        "  5    timed out, or pending manual review (onboard: resume later)",
        "  6    connection error: no answer from the server",
        "  130  cancelled (Ctrl-C)",
    };

    @Override
    public int getExitCode(Throwable exception) {
        return switch (exception) {
            case UsageException usage -> USAGE;
            case ParameterException picocliUsage -> USAGE;
            case ApiException api -> API_ERROR;
            case ConnectionException connection -> CONNECTION;
            default -> UNEXPECTED;
        };
    }

    public static int of(OnboardingOutcome outcome) {
        return switch (outcome) {
            case OnboardingOutcome.FundedCard funded -> OK;
            case OnboardingOutcome.ApplicationRejected rejected -> REJECTED;
            case OnboardingOutcome.CardFailed failed -> REJECTED;
            case OnboardingOutcome.TopUpRejected rejected -> REJECTED;
            case OnboardingOutcome.ApplicationPendingReview pending -> TIMED_OUT_OR_PENDING;
            case OnboardingOutcome.TimedOut timedOut -> TIMED_OUT_OR_PENDING;
            case OnboardingOutcome.Cancelled cancelled -> CANCELLED;
        };
    }
}
