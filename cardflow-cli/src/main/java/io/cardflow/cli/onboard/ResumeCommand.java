package io.cardflow.cli.onboard;

import io.cardflow.sdk.flow.OnboardingIds;
import io.cardflow.sdk.flow.OnboardingRequest;

/** The {@code cardflow onboard} command line that picks a stopped flow up where it stopped. */
final class ResumeCommand {

    private ResumeCommand() {
    }

    static String of(OnboardingRequest request, OnboardingIds ids) {
        var command = new StringBuilder("cardflow onboard --product ").append(request.productId())
                // The same flow id makes the same Idempotency-Keys, so nothing already done is done twice.
                .append(" --flow-id ").append(request.flowId());
        append(command, "--resume-customer", ids.customerId());
        append(command, "--resume-card", ids.cardId());
        append(command, "--resume-topup", ids.topUpId());
        if (request.topUpAmount() != null) {
            command.append(" --top-up-amount ").append(request.topUpAmount())
                    .append(" --currency ").append(request.topUpCurrency());
        }
        return command.toString();
    }

    private static void append(StringBuilder command, String flag, String id) {
        if (id != null) {
            command.append(' ').append(flag).append(' ').append(id);
        }
    }
}
