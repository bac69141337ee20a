package io.cardflow.cli.commands;

import io.cardflow.cli.CardflowCli;
import io.cardflow.cli.render.Views;
import io.cardflow.sdk.AuthorizationService;
import io.cardflow.sdk.RequestOptions;
import io.cardflow.sdk.model.Authorization;
import io.cardflow.sdk.model.AuthorizationParams;
import java.util.LinkedHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "authorizations", description = "Purchases on the sandbox card network: holds, captures, reversals, "
        + "refunds. A card's history is `cards transactions`.")
public final class AuthorizationsCommand {

    @ParentCommand
    private CardflowCli cli;

    @Command(name = "simulate", description = "POST /api/v1/simulate/authorizations")
    void simulate(@Option(names = "--card", paramLabel = "CARD_ID") String cardId,
                  @Option(names = "--amount", paramLabel = "MINOR_UNITS") Long amount,
                  @Option(names = "--currency") String currency,
                  @Option(names = "--merchant-name") String merchantName,
                  @Option(names = "--mcc", description = "Merchant category code, four digits") String mcc,
                  @Option(names = {"--merchant-country", "--country"}, paramLabel = "ISO_3166",
                          description = "The merchant's country, ISO 3166-1 alpha-2") String merchantCountry,
                  @Mixin DataOption data) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("cardId", cardId);
        fields.put("amount", amount);
        fields.put("currency", currency);
        fields.put("merchantName", merchantName);
        fields.put("mcc", mcc);
        fields.put("merchantCountry", merchantCountry);
        cli.output().show(cli.client().authorizations().simulate(data.params(AuthorizationParams.class, fields)),
                Views::authorization);
    }

    @Command(name = "increment", description = "POST /api/v1/simulate/authorizations/{authorizationId}/increment")
    void increment(@Parameters(paramLabel = "AUTHORIZATION_ID") String authorizationId,
                   @Option(names = "--amount", required = true, paramLabel = "MINOR_UNITS") long amount) {
        show(authorizations().increment(authorizationId, amount, RequestOptions.none()));
    }

    @Command(name = "capture", description = "POST /api/v1/simulate/authorizations/{authorizationId}/capture")
    void capture(@Parameters(paramLabel = "AUTHORIZATION_ID") String authorizationId,
                 @Option(names = "--amount", required = true, paramLabel = "MINOR_UNITS") long amount,
                 @Option(names = "--final", description = "Release the rest of the hold and close it") boolean finalCapture) {
        show(authorizations().capture(authorizationId, amount, finalCapture, RequestOptions.none()));
    }

    @Command(name = "reverse", description = "POST /api/v1/simulate/authorizations/{authorizationId}/reverse")
    void reverse(@Parameters(paramLabel = "AUTHORIZATION_ID") String authorizationId,
                 @Option(names = "--amount", paramLabel = "MINOR_UNITS", description = "Absent: the whole hold") Long amount) {
        show(authorizations().reverse(authorizationId, amount, RequestOptions.none()));
    }

    @Command(name = "expire", description = "POST /api/v1/simulate/authorizations/{authorizationId}/expire")
    void expire(@Parameters(paramLabel = "AUTHORIZATION_ID") String authorizationId) {
        show(authorizations().expire(authorizationId, RequestOptions.none()));
    }

    @Command(name = "get", description = "GET /api/v1/authorizations/{authorizationId}")
    void get(@Parameters(paramLabel = "AUTHORIZATION_ID") String authorizationId) {
        show(authorizations().get(authorizationId));
    }

    @Command(name = "refund", description = "POST /api/v1/simulate/refunds")
    void refund(@Option(names = "--card", required = true, paramLabel = "CARD_ID") String cardId,
                @Option(names = "--amount", required = true, paramLabel = "MINOR_UNITS") long amount,
                @Option(names = "--currency", required = true) String currency,
                @Option(names = "--capture", paramLabel = "CAPTURE_ID", description = "Absent: an unlinked refund")
                String captureId) {
        cli.output().show(authorizations().refund(cardId, amount, currency, captureId, RequestOptions.none()), Views::step);
    }

    @Command(name = "force-capture", description = "POST /api/v1/simulate/force-captures")
    void forceCapture(@Option(names = "--card", required = true, paramLabel = "CARD_ID") String cardId,
                      @Option(names = "--amount", required = true, paramLabel = "MINOR_UNITS") long amount,
                      @Option(names = "--currency", required = true) String currency,
                      @Option(names = "--merchant-name", required = true) String merchantName) {
        cli.output().show(authorizations().forceCapture(cardId, amount, currency, merchantName, RequestOptions.none()),
                Views::step);
    }

    private AuthorizationService authorizations() {
        return cli.client().authorizations();
    }

    private void show(Authorization authorization) {
        cli.output().show(authorization, Views::authorization);
    }

    @Command(name = "list", description = "GET /api/v1/cards/{cardId}/authorizations")
    void list(@Option(names = "--card", required = true, paramLabel = "CARD_ID") String cardId,
              @Mixin ListOptions paging) {
        cli.output().showPage(cli.client().authorizations().list(cardId, paging.params()), Views::authorizations,
                Authorization::authorizationId);
    }
}
