package io.cardflow.cli.commands;

import io.cardflow.sdk.model.HolderType;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A new customer as flags, shared by {@code customers create} and {@code onboard}. */
public final class CustomerOptions {

    @Option(names = "--type", paramLabel = "individual|business",
            description = "The holder type (default individual unless --legal-name is given).")
    String type;

    @Option(names = "--first-name", description = "A person's given name.")
    String firstName;

    @Option(names = "--last-name", description = "A person's family name.")
    String lastName;

    @Option(names = "--date-of-birth", paramLabel = "YYYY-MM-DD", description = "A person's date of birth.")
    LocalDate dateOfBirth;

    @Option(names = "--legal-name", description = "A business customer's registered name.")
    String legalName;

    @Option(names = "--email", description = "The customer's email address.")
    String email;

    @Option(names = "--phone", description = "E.164, e.g. +14155550100.")
    String phone;

    @Mixin
    AddressOptions address;

    public Map<String, Object> fields() {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("type", holderType());
        fields.put("firstName", firstName);
        fields.put("lastName", lastName);
        fields.put("dateOfBirth", dateOfBirth);
        fields.put("legalName", legalName);
        fields.put("email", email);
        fields.put("phone", phone);
        fields.putAll(address.fields("address."));
        return fields;
    }

    /** Whether any customer flag was given at all. */
    public boolean given() {
        return fields().values().stream().anyMatch(value -> value != null);
    }

    private String holderType() {
        if (type != null) {
            return type;
        }
        return legalName != null ? "business" : firstName != null || lastName != null ? "individual" : null;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public AddressOptions address() {
        return address;
    }

    public boolean business() {
        return HolderType.parse(holderType()) == HolderType.BUSINESS;
    }
}
