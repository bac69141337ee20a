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

    @Option(names = "--ship-line2")
    String line2;

    @Option(names = "--ship-city")
    String city;

    @Option(names = "--ship-region")
    String region;

    @Option(names = "--ship-postal-code")
    String postalCode;

    @Option(names = "--ship-country")
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
