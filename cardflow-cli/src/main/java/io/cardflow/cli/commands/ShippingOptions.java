package io.cardflow.cli.commands;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * A physical card's shipping address as flags: prefixed {@code --ship-} so that they can stand next to the
 * customer's own address flags in {@code onboard}.
 */
public final class ShippingOptions {

    @Option(names = "--ship-line1", description = "Shipping street address (physical cards).")
    String line1;

    @Option(names = "--ship-line2", description = "More of the shipping street address.")
    String line2;

    @Option(names = "--ship-city", description = "Shipping city or town.")
    String city;

    @Option(names = "--ship-region", description = "Shipping state or province.")
    String region;

    @Option(names = "--ship-postal-code", description = "Shipping postal or ZIP code.")
    String postalCode;

    @Option(names = "--ship-country", description = "Shipping country, ISO 3166-1 alpha-2.")
    String country;

    /** The fields given, named as the API names them under {@code shippingAddress.}. */
    public Map<String, String> fields() {
        var fields = new LinkedHashMap<String, String>();
        fields.put("shippingAddress.line1", line1);
        fields.put("shippingAddress.line2", line2);
        fields.put("shippingAddress.city", city);
        fields.put("shippingAddress.region", region);
        fields.put("shippingAddress.postalCode", postalCode);
        fields.put("shippingAddress.country", country);
        return fields;
    }
}
