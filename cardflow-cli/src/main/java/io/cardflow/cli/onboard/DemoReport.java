package io.cardflow.cli.onboard;

import io.cardflow.cli.render.Block;
import io.cardflow.cli.render.Money;
import io.cardflow.sdk.flow.OnboardingOutcome.FundedCard;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code demo}'s ending for a person: the card in three lines and the commands to try next with it. */
final class DemoReport {

    private DemoReport() {
    }

    /** @param keyFile where the key came from, to tell how to reuse it; null when the key was given */
    static void print(FundedCard funded, Path keyFile, PrintWriter out) {
        var card = funded.card();
        out.println(OutcomeReport.headline(funded));
        out.println(new Block()
                .field("customer id", funded.ids().customerId())
                .field("card id", card.cardId())
                .field("card", card.maskedPan())
                .field("balance", Money.format(card.balance(), card.currency()))
                .render());
        out.println();
        out.println("Try next:");
        if (keyFile != null) {
            out.println("  export CARDFLOW_API_KEY=$(cat " + shellQuoted(keyFile.toString()) + ")");
        }
        out.println("  bin/cardflow cards get " + card.cardId());
        out.println("  bin/cardflow authorizations simulate --card " + card.cardId() + " --amount 1200 --currency "
                + card.currency() + " --merchant-name 'Corner Cafe'");
        out.println("  bin/cardflow balance");
        out.println("  bin/cardflow demo          # another customer, another card");
        out.flush();
    }

    private static String shellQuoted(String word) {
        return word.matches("[A-Za-z0-9_./-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
