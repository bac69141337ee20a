package io.cardflow.card;

import io.cardflow.common.Address;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Phase 4. {@code nameOnCard} and {@code shippingAddress} are for physical products (the name defaults for virtual ones). */
@Schema(description = "Phase 4: a card for a customer whose application for the product is approved. For a physical "
        + "product, nameOnCard and shippingAddress (in one of the product's shippingCountries) are required; for a virtual "
        + "one shippingAddress must be absent and nameOnCard is optional (the customer's name by default).")
public record IssueCardRequest(
        @Schema(description = "The customer to issue the card to", example = "cus_4eC39HqLyjWDarjtT1zdp7dc")
        @NotBlank @Size(max = 40) String customerId,
        @Schema(description = "The card's product; the customer's application for it must be approved",
                example = "prod_usd_virtual")
        @NotBlank @Size(max = 60) String productId,
        @Schema(description = "The name to emboss: 2 to 26 Latin letters, spaces, periods, apostrophes or hyphens. "
                + "Required for a physical product; optional for a virtual one", example = "ANA LOPEZ")
        @Size(min = 2, max = 26) @Pattern(regexp = "[A-Za-z][A-Za-z .'-]*",
                message = "must be 2 to 26 Latin letters, spaces, periods, apostrophes or hyphens, as embossed") String nameOnCard,
        @Schema(description = "Where to send a physical card; required for a physical product, absent for a virtual one")
        @Valid Address shippingAddress) {
}
