package io.cardflow.controls;

import io.cardflow.common.SpendingControls;
import io.cardflow.security.MerchantPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Spending controls", description = "Limits, merchant categories and countries that decline purchases, set on "
        + "a card, a customer and (in the catalog) a product; the most restrictive wins (docs/transactions.md).")
class ControlsController {

    private static final String LIMITS = """
            {"spendingLimits": [{"amount": 5000, "interval": "per_transaction"},
                                {"amount": 20000, "interval": "daily", "count": 10}],
             "blockedCategories": ["7995"], "allowedCountries": ["US", "CA"], "mode": "enforce"}""";
    private static final String SHADOW = """
            {"spendingLimits": [{"amount": 100000, "interval": "monthly"}], "mode": "shadow"}""";
    private static final String CLEAR = "{}";
    private static final String REPLACES = "Replaces the controls whole with the body (PUT): a field left out is empty, "
            + "and an empty object {} clears them. Amounts are minor units of the card's product currency; at most one "
            + "limit per interval, whose amount and optional count both apply; a count is not allowed on per_transaction. "
            + "MCCs are 4-digit strings and countries ISO 3166-1 alpha-2 codes, each listed once, never both allowed and "
            + "blocked: any of that is a 422 naming the field. Each change is an event (";

    private final ControlsService controls;

    ControlsController(ControlsService controls) {
        this.controls = controls;
    }

    @GetMapping("/api/v1/cards/{cardId}/controls")
    @Operation(summary = "Get a card's spending controls",
            description = "The card's own controls as last set (empty lists and mode enforce when never set). The "
                    + "customer's and the product's controls apply beside them.")
    @ApiResponse(responseCode = "200", description = "The card's controls")
    ControlsResponse getCardControls(@AuthenticationPrincipal MerchantPrincipal merchant,
                                     @Parameter(description = "The card's id", example = "card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0")
                                     @PathVariable String cardId) {
        return controls.getForCard(merchant.merchantId(), cardId);
    }

    @PutMapping("/api/v1/cards/{cardId}/controls")
    @Operation(summary = "Set a card's spending controls",
            description = REPLACES + "card.controls_updated). They apply to the card's next purchase; its limits count "
                    + "its own approved spend.")
    @ApiResponse(responseCode = "200", description = "The card's controls, as now set")
    ControlsResponse putCardControls(@AuthenticationPrincipal MerchantPrincipal merchant,
                                     @Parameter(description = "The card's id", example = "card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0")
                                     @PathVariable String cardId,
                                     @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                                             schema = @Schema(implementation = SpendingControls.class), examples = {
                                                     @ExampleObject(name = "limits", summary = "Limits, a blocked category, "
                                                             + "allowed countries", value = LIMITS),
                                                     @ExampleObject(name = "shadow", summary = "A limit tried in shadow mode",
                                                             value = SHADOW),
                                                     @ExampleObject(name = "clear", summary = "No controls", value = CLEAR)}))
                                     @RequestBody SpendingControls body) {
        return controls.replaceForCard(merchant.merchantId(), cardId, body);
    }

    @GetMapping("/api/v1/customers/{customerId}/controls")
    @Operation(summary = "Get a customer's spending controls",
            description = "The customer's controls as last set (empty lists and mode enforce when never set). They apply "
                    + "to every card of the customer, beside each card's and its product's.")
    @ApiResponse(responseCode = "200", description = "The customer's controls")
    ControlsResponse getCustomerControls(@AuthenticationPrincipal MerchantPrincipal merchant,
                                         @Parameter(description = "The customer's id", example = "cus_4eC39HqLyjWDarjtT1zdp7dc")
                                         @PathVariable String customerId) {
        return controls.getForCustomer(merchant.merchantId(), customerId);
    }

    @PutMapping("/api/v1/customers/{customerId}/controls")
    @Operation(summary = "Set a customer's spending controls",
            description = REPLACES + "customer.controls_updated). They apply to every card of the customer; its limits "
                    + "count the approved spend of all its cards together (amounts in the purchase's currency).")
    @ApiResponse(responseCode = "200", description = "The customer's controls, as now set")
    ControlsResponse putCustomerControls(@AuthenticationPrincipal MerchantPrincipal merchant,
                                         @Parameter(description = "The customer's id", example = "cus_4eC39HqLyjWDarjtT1zdp7dc")
                                         @PathVariable String customerId,
                                         @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                                                 schema = @Schema(implementation = SpendingControls.class), examples = {
                                                         @ExampleObject(name = "limits", summary = "Limits, a blocked "
                                                                 + "category, allowed countries", value = LIMITS),
                                                         @ExampleObject(name = "shadow", summary = "A limit tried in shadow "
                                                                 + "mode", value = SHADOW),
                                                         @ExampleObject(name = "clear", summary = "No controls", value = CLEAR)}))
                                         @RequestBody SpendingControls body) {
        return controls.replaceForCustomer(merchant.merchantId(), customerId, body);
    }
}
