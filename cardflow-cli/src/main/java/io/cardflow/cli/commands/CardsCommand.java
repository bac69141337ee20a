package io.cardflow.cli.commands;

import io.cardflow.cli.CardflowCli;
import io.cardflow.cli.render.Views;
import io.cardflow.sdk.model.Card;
import io.cardflow.sdk.model.CardIssueParams;
import io.cardflow.sdk.model.CardTransaction;
import java.util.LinkedHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "cards", description = "Phases 4 and 5, the card's lifecycle, its spending controls and its history.")
public final class CardsCommand {

    @ParentCommand
    private CardflowCli cli;

    @Command(name = "issue", description = "POST /api/v1/cards")
    void issue(@Option(names = "--customer", paramLabel = "CUSTOMER_ID") String customerId,
               @Option(names = "--product", paramLabel = "PRODUCT_ID") String productId,
               @Option(names = "--name-on-card", description = "Physical cards; virtual ones default to the customer's.")
               String nameOnCard,
               @Mixin ShippingOptions shipping, @Mixin DataOption data) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("customerId", customerId);
        fields.put("productId", productId);
        fields.put("nameOnCard", nameOnCard);
        fields.putAll(shipping.fields());
        cli.output().show(cli.client().cards().issue(data.params(CardIssueParams.class, fields)), Views::card);
    }

    @Command(name = "get", description = "GET /api/v1/card/{cardId}")
    void get(@Parameters(paramLabel = "CARD_ID") String cardId) {
        cli.output().show(cli.client().cards().get(cardId), Views::card);
    }

    @Command(name = "list", description = "GET /api/v1/customers/{customerId}/cards")
    void list(@Option(names = "--customer", required = true, paramLabel = "CUSTOMER_ID") String customerId,
              @Mixin ListOptions paging) {
        cli.output().showPage(cli.client().cards().list(customerId, paging.params()), Views::cards, Card::cardId);
    }

    @Command(name = "suspend", description = "POST /api/v1/cards/{cardId}/suspend")
    void suspend(@Parameters(paramLabel = "CARD_ID") String cardId) {
        cli.output().show(cli.client().cards().suspend(cardId), Views::card);
    }

    @Command(name = "reactivate", description = "POST /api/v1/cards/{cardId}/reactivate")
    void reactivate(@Parameters(paramLabel = "CARD_ID") String cardId) {
        cli.output().show(cli.client().cards().reactivate(cardId), Views::card);
    }

    @Command(name = "close", description = "POST /api/v1/cards/{cardId}/close (the balance returns to you)")
    void close(@Parameters(paramLabel = "CARD_ID") String cardId) {
        cli.output().show(cli.client().cards().close(cardId), Views::card);
    }

    @Command(name = "controls", description = "GET /api/v1/cards/{cardId}/controls")
    void controls(@Parameters(paramLabel = "CARD_ID") String cardId) {
        cli.output().show(cli.client().cards().controls(cardId), Views::controls);
    }

    @Command(name = "set-controls", description = "PUT /api/v1/cards/{cardId}/controls: replaces the card's controls whole.",
            footer = {"", "Example: cardflow cards set-controls card_1 --limit 5000/per_transaction --limit 20000/daily/10 "
                    + "--block-mcc 7995 --allow-country US,CA"})
    void setControls(@Parameters(paramLabel = "CARD_ID") String cardId, @Mixin ControlsOptions controls,
                     @Mixin DataOption data) {
        cli.output().show(cli.client().cards().updateControls(cardId, controls.controls(data)), Views::controls);
    }

    @Command(name = "transactions", description = "GET /api/v1/cards/{cardId}/transactions: newest first, with balances")
    void transactions(@Parameters(paramLabel = "CARD_ID") String cardId, @Mixin ListOptions paging) {
        cli.output().showPage(cli.client().cards().transactions(cardId, paging.params()), Views::cardTransactions,
                CardTransaction::transactionId);
    }
}
