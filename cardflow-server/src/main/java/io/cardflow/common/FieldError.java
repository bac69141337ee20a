package io.cardflow.common;

import io.swagger.v3.oas.annotations.media.Schema;

/** One problem with one input field, named by its JSON path ({@code address.country}). */
@Schema(description = "One invalid input field")
public record FieldError(
        @Schema(description = "The field's path in the request: a JSON path into the body (address.country, "
                + "beneficialOwners[1].ownershipPercent) or the name of a query parameter (limit)",
                example = "address.country") String field,
        @Schema(description = "What is wrong with it, for a person",
                example = "must be an ISO 3166-1 alpha-2 country code in upper case") String message) {
}
