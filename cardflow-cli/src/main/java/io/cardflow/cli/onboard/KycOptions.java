package io.cardflow.cli.onboard;

import io.cardflow.cli.CliJson;
import io.cardflow.cli.UsageException;
import io.cardflow.cli.commands.CustomerOptions;
import io.cardflow.sdk.model.ApplicationParams;
import io.cardflow.sdk.model.KybParams;
import io.cardflow.sdk.model.KycParams;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import picocli.CommandLine.Option;

/** {@code onboard}'s KYC/KYB data: a file, or KYC built from the document flags and the customer's own flags. */
final class KycOptions {

    @Option(names = "--kyc", paramLabel = "JSON|@FILE", description = "The whole KYC data instead of the flags below.")
    String kycData;

    @Option(names = "--kyb", paramLabel = "JSON|@FILE", description = "The KYB data of a business customer.")
    String kybData;

    @Option(names = "--document-type", paramLabel = "passport|national_id|driving_licence",
            defaultValue = "passport", description = "The identity document's type (default: ${DEFAULT-VALUE}).")
    String documentType;

    @Option(names = "--document-number", description = "The identity document's number (KYC).")
    String documentNumber;

    @Option(names = "--document-expiry", paramLabel = "YYYY-MM-DD",
            description = "The identity document's expiry date; an expired one is rejected.")
    LocalDate documentExpiry;

    @Option(names = "--document-country", description = "Issuing country (default: the nationality).")
    String documentCountry;

    @Option(names = "--nationality", description = "ISO 3166-1 alpha-2 (default: the customer's --country).")
    String nationality;

    /** The data to submit, or null when none was given (an existing customer may already have been approved). */
    ApplicationParams application(CustomerOptions customer) {
        if (kycData != null && kybData != null) {
            throw new UsageException("Give --kyc or --kyb, not both");
        }
        if (kycData != null) {
            return CliJson.convert(CliJson.readObject(kycData), KycParams.class);
        }
        if (kybData != null) {
            return CliJson.convert(CliJson.readObject(kybData), KybParams.class);
        }
        if (documentNumber == null && documentExpiry == null) {
            return null;
        }
        if (documentNumber == null || documentExpiry == null) {
            throw new UsageException("KYC needs both --document-number and --document-expiry");
        }
        return kycFromFlags(customer);
    }

    /** The person's KYC data is mostly what the customer flags already said about them. */
    private KycParams kycFromFlags(CustomerOptions customer) {
        var country = nationality != null ? nationality : customer.address().country();
        var fields = new LinkedHashMap<String, Object>();
        fields.put("firstName", customer.firstName());
        fields.put("lastName", customer.lastName());
        fields.put("dateOfBirth", customer.dateOfBirth());
        fields.put("nationality", country);
        fields.putAll(customer.address().fields("address."));
        fields.put("identityDocument.type", documentType);
        fields.put("identityDocument.number", documentNumber);
        fields.put("identityDocument.issuingCountry", documentCountry != null ? documentCountry : country);
        fields.put("identityDocument.expiryDate", documentExpiry);
        return CliJson.convert(CliJson.overlay(CliJson.newObject(), fields), KycParams.class);
    }
}
