package io.cardflow.cli.commands;

import io.cardflow.cli.CardflowCli;
import io.cardflow.cli.render.Views;
import io.cardflow.sdk.model.Product;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "products", description = "The card products you can offer.")
public final class ProductsCommand {

    @ParentCommand
    private CardflowCli cli;

    @Command(name = "list", description = "GET /api/v1/products")
    void list() {
        cli.output().showPage(cli.client().products().list(), Views::products, Product::id);
    }

    @Command(name = "get", description = "GET /api/v1/products/{productId}")
    void get(@Parameters(paramLabel = "PRODUCT_ID") String productId) {
        cli.output().show(cli.client().products().get(productId), Views::product);
    }
}
