package io.cardflow.cli.commands;

import io.cardflow.cli.CardflowCli;
import io.cardflow.cli.render.Views;
import io.cardflow.sdk.model.TopUp;
import io.cardflow.sdk.model.TopUpParams;
import java.util.LinkedHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "topups", description = "Phases 6 and 7: funding a card from your balance.")
public final class TopUpsCommand {

    @ParentCommand
    private CardflowCli cli;

    @Command(name = "create", description = "POST /api/v1/cards/{cardId}/topup")
    void create(@Option(names = "--card", required = true, paramLabel = "CARD_ID") String cardId,
                @Option(names = "--amount", paramLabel = "MINOR_UNITS", description = "e.g. 5000 for 50.00 USD.")
                Long amount,
                @Option(names = "--currency", description = "ISO 4217, the product's currency.") String currency,
                @Mixin DataOption data) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("amount", amount);
        fields.put("currency", currency);
        cli.output().show(cli.client().topUps().create(cardId, data.params(TopUpParams.class, fields)),
                Views::topUp);
    }

    @Command(name = "get", description = "GET /api/v1/topupstatus/{topupId}")
    void get(@Parameters(paramLabel = "TOPUP_ID") String topUpId) {
        cli.output().show(cli.client().topUps().get(topUpId), Views::topUp);
    }

    @Command(name = "list", description = "GET /api/v1/cards/{cardId}/topups")
    void list(@Option(names = "--card", required = true, paramLabel = "CARD_ID") String cardId,
              @Mixin ListOptions paging) {
        cli.output().showPage(cli.client().topUps().list(cardId, paging.params()), Views::topUps, TopUp::topupId);
    }
}
