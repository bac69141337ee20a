package io.cardflow.cli.commands;

import io.cardflow.cli.CardflowCli;
import io.cardflow.cli.CliJson;
import io.cardflow.cli.UsageException;
import io.cardflow.cli.render.Views;
import io.cardflow.sdk.model.ApplicationParams;
import io.cardflow.sdk.model.KybParams;
import io.cardflow.sdk.model.KycParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "kyc", description = "Phases 2 and 3: KYC (people) and KYB (businesses) for a product.")
public final class KycCommand {

    @ParentCommand
    private CardflowCli cli;

    @Command(name = "submit", description = "POST /api/v1/customers/{customerId}/products/{productId}/applicant")
    void submit(@Option(names = "--customer", required = true, paramLabel = "CUSTOMER_ID") String customerId,
                @Option(names = "--product", required = true, paramLabel = "PRODUCT_ID") String productId,
                @Option(names = "--data", required = true, paramLabel = "JSON|@FILE",
                        description = "The KYC data (firstName, ..., identityDocument) or the KYB data (legalName, "
                                + "registrationNumber, ..., beneficialOwners), as JSON or @file.json.")
                String data) {
        var params = applicationParams(data);
        cli.output().show(cli.client().applications().submit(customerId, productId, params), Views::application);
    }

    @Command(name = "status", description = "GET /api/v1/customers/{customerId}/products/{productId}/applicantstatus")
    void status(@Option(names = "--customer", required = true, paramLabel = "CUSTOMER_ID") String customerId,
                @Option(names = "--product", required = true, paramLabel = "PRODUCT_ID") String productId) {
        cli.output().show(cli.client().applications().status(customerId, productId), Views::application);
    }

    /** KYB data names the company; anything else is read as KYC data about a person. */
    public static ApplicationParams applicationParams(String data) {
        var json = CliJson.readObject(data);
        if (json.isEmpty()) {
            throw new UsageException("The KYC/KYB data is empty");
        }
        var business = json.has("legalName") || json.has("registrationNumber") || json.has("beneficialOwners");
        return business ? CliJson.convert(json, KybParams.class) : CliJson.convert(json, KycParams.class);
    }
}
