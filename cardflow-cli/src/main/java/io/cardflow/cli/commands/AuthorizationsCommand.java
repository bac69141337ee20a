package io.cardflow.cli.commands;

import io.cardflow.cli.CardflowCli;
import io.cardflow.cli.render.Views;
import io.cardflow.sdk.model.Authorization;
import io.cardflow.sdk.model.AuthorizationParams;
import java.util.LinkedHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "authorizations", description = "Purchases on the sandbox card network.")
public final class AuthorizationsCommand {

    @ParentCommand
    private CardflowCli cli;

    @Command(name = "simulate", description = "POST /api/v1/simulate/authorizations")
    void simulate(@Option(names = "--card", paramLabel = "CARD_ID") String cardId,
                  @Option(names = "--amount", paramLabel = "MINOR_UNITS") Long amount,
                  @Option(names = "--currency") String currency,
                  @Option(names = "--merchant-name") String merchantName,
                  @Mixin DataOption data) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("cardId", cardId);
        fields.put("amount", amount);
        fields.put("currency", currency);
        fields.put("merchantName", merchantName);
        cli.output().show(cli.client().authorizations().simulate(data.params(AuthorizationParams.class, fields)),
                Views::authorization);
    }

    @Command(name = "list", description = "GET /api/v1/cards/{cardId}/authorizations")
    void list(@Option(names = "--card", required = true, paramLabel = "CARD_ID") String cardId,
              @Mixin ListOptions paging) {
        cli.output().showPage(cli.client().authorizations().list(cardId, paging.params()), Views::authorizations,
                Authorization::authorizationId);
    }
}
