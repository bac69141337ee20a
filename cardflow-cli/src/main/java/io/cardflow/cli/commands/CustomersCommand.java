package io.cardflow.cli.commands;

import io.cardflow.cli.CardflowCli;
import io.cardflow.cli.render.Views;
import io.cardflow.sdk.model.Customer;
import io.cardflow.sdk.model.CustomerCreateParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "customers", description = "Phase 1: customers, and their spending controls.")
public final class CustomersCommand {

    @ParentCommand
    private CardflowCli cli;

    @Command(name = "create", description = "POST /api/v1/customers")
    void create(@Mixin CustomerOptions customer, @Mixin DataOption data) {
        var params = data.params(CustomerCreateParams.class, customer.fields());
        cli.output().show(cli.client().customers().create(params), Views::customer);
    }

    @Command(name = "get", description = "GET /api/v1/customers/{customerId}")
    void get(@Parameters(paramLabel = "CUSTOMER_ID") String customerId) {
        cli.output().show(cli.client().customers().get(customerId), Views::customer);
    }

    @Command(name = "list", description = "GET /api/v1/customers")
    void list(@Mixin ListOptions paging) {
        cli.output().showPage(cli.client().customers().list(paging.params()), Views::customers,
                Customer::customerId);
    }

    @Command(name = "controls", description = "GET /api/v1/customers/{customerId}/controls")
    void controls(@Parameters(paramLabel = "CUSTOMER_ID") String customerId) {
        cli.output().show(cli.client().customers().controls(customerId), Views::controls);
    }

    @Command(name = "set-controls", description = "PUT /api/v1/customers/{customerId}/controls: replaces the customer's "
            + "controls whole; they apply to all its cards together.",
            footer = {"", "Example: cardflow customers set-controls cus_1 --limit 1000000000000/monthly/10 --mode shadow"})
    void setControls(@Parameters(paramLabel = "CUSTOMER_ID") String customerId, @Mixin ControlsOptions controls,
                     @Mixin DataOption data) {
        cli.output().show(cli.client().customers().updateControls(customerId, controls.controls(data)),
                Views::controls);
    }
}
