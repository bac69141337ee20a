package io.cardflow.cli.commands;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** A customer's postal address as flags. */
public final class AddressOptions {

    @Option(names = "--line1", description = "Street address.")
    String line1;

    @Option(names = "--line2", description = "More of the street address.")
    String line2;

    @Option(names = "--city", description = "City or town.")
    String city;

    @Option(names = "--region", description = "State or province.")
    String region;

    @Option(names = "--postal-code", description = "Postal or ZIP code.")
    String postalCode;

    @Option(names = "--country", description = "ISO 3166-1 alpha-2, e.g. US.")
    String country;

    /** The fields given, named as the API names them under {@code prefix} (e.g. {@code address.}). */
    public Map<String, String> fields(String prefix) {
        var fields = new LinkedHashMap<String, String>();
        fields.put(prefix + "line1", line1);
        fields.put(prefix + "line2", line2);
        fields.put(prefix + "city", city);
        fields.put(prefix + "region", region);
        fields.put(prefix + "postalCode", postalCode);
        fields.put(prefix + "country", country);
        return fields;
    }

    public String country() {
        return country;
    }
}
