package io.cardflow.card;

import io.cardflow.common.Address;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Phase 4. {@code nameOnCard} and {@code shippingAddress} are for physical products (the name defaults for virtual ones). */
public record IssueCardRequest(
        @NotBlank @Size(max = 40) String customerId,
        @NotBlank @Size(max = 60) String productId,
        @Size(min = 2, max = 26) @Pattern(regexp = "[A-Za-z][A-Za-z .'-]*",
                message = "must be 2 to 26 Latin letters, spaces, periods, apostrophes or hyphens, as embossed") String nameOnCard,
        @Valid Address shippingAddress) {
}
