package io.cardflow.card;

import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.longpoll.LongPoll;
import io.cardflow.longpoll.Wait;
import io.cardflow.security.MerchantPrincipal;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

@RestController
@Tag(name = "Phases 4-5: cards", description = "Cards for verified customers: issued in the background by the card "
        + "processor, then suspended, reactivated or closed by the merchant.")
class CardController {

    private static final String VIRTUAL_REQUEST = """
            {"customerId": "cus_4eC39HqLyjWDarjtT1zdp7dc", "productId": "prod_usd_virtual"}""";
    private static final String PHYSICAL_REQUEST = """
            {"customerId": "cus_4eC39HqLyjWDarjtT1zdp7dc", "productId": "prod_eur_physical", "nameOnCard": "ANA LOPEZ",
             "shippingAddress": {"line1": "Hauptstrasse 5", "city": "Berlin", "postalCode": "10115", "country": "DE"}}""";

    private final CardService cards;
    private final LongPoll longPoll;

    CardController(CardService cards, LongPoll longPoll) {
        this.cards = cards;
        this.longPoll = longPoll;
    }

    @PostMapping("/api/v1/cards")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a card (phase 4); needs an approved application for the product",
            description = "Phase 4 of the guide. Requests a card of the product for the customer and answers 201 with the "
                    + "card in state pending: the processor issues it in the background. The customer's application for "
                    + "the product must be approved (else 409 kyc_not_approved) and the product's cardsPerCustomer not "
                    + "reached (else 409 card_limit_reached). Next: poll GET /api/v1/card/{cardId} (phase 5) until state "
                    + "is active, then top it up (phase 6).")
    @ApiResponse(responseCode = "201", description = "Requested: the card is pending until the processor answers")
    CardResponse issueCard(@AuthenticationPrincipal MerchantPrincipal merchant,
                           @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                                   schema = @Schema(implementation = IssueCardRequest.class), examples = {
                                           @ExampleObject(name = "virtual", summary = "A virtual card",
                                                   description = "The name on the card defaults to the customer's",
                                                   value = VIRTUAL_REQUEST),
                                           @ExampleObject(name = "physical", summary = "A physical card",
                                                   description = "nameOnCard and shippingAddress are required",
                                                   value = PHYSICAL_REQUEST)}))
                           @Valid @RequestBody IssueCardRequest request) {
        return cards.describe(cards.issue(merchant.merchantId(), request));
    }

    @GetMapping({"/api/v1/card/{cardId}", "/api/v1/cards/{cardId}"})
    @Operation(summary = "A card's state (phase 5); /cards/{cardId} is an alias of the guide's /card/{cardId}",
            description = "Phase 5 of the guide. Poll until state is active (usually a few seconds): then last4, maskedPan "
                    + "and the expiry are set and the card can be topped up with POST /api/v1/cards/{cardId}/topup (phase 6). "
                    + "If state is failed, failure says why; request a new card with corrected data. While issuance is "
                    + "failing in the background, processing says how. With wait=N the answer comes as soon as the card "
                    + "is no longer pending, or after N seconds with the card as it is (long-poll, docs/api.md).")
    @ApiResponse(responseCode = "200", description = "The card")
    @Parameter(name = "wait", in = ParameterIn.QUERY, description = Wait.DESCRIPTION, example = "30",
            schema = @Schema(type = "integer", minimum = "1", maximum = "60"))
    CardResponse getCard(@AuthenticationPrincipal MerchantPrincipal merchant,
                         @Parameter(description = "The card's id", example = "card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0")
                         @PathVariable String cardId) {
        Card card = cards.get(merchant.merchantId(), cardId);
        return cards.describe(card).withProcessing(cards.issuanceProcessing(card));
    }

    /** {@link #getCard} with {@code wait}: documented there. */
    @Hidden
    @GetMapping(value = {"/api/v1/card/{cardId}", "/api/v1/cards/{cardId}"}, params = "wait")
    DeferredResult<CardResponse> waitForCard(@AuthenticationPrincipal MerchantPrincipal merchant, @PathVariable String cardId,
                                             @RequestParam String wait) {
        return longPoll.answer(merchant.merchantId(), cardId, Wait.of(wait), () -> getCard(merchant, cardId),
                card -> card.state() != CardState.PENDING);
    }

    @GetMapping("/api/v1/customers/{customerId}/cards")
    @Operation(summary = "List a customer's cards, newest first",
            description = "Every card of the customer, in any state, newest first, a page at a time.")
    @ApiResponse(responseCode = "200", description = "A page of the customer's cards")
    Page<CardResponse> listCustomerCards(@AuthenticationPrincipal MerchantPrincipal merchant,
                                         @Parameter(description = "The customer", example = "cus_4eC39HqLyjWDarjtT1zdp7dc")
                                         @PathVariable String customerId,
                                         @Parameter(description = PageRequest.LIMIT_DESCRIPTION, example = "10")
                                         @RequestParam(required = false) String limit,
                                         @Parameter(description = PageRequest.STARTING_AFTER_DESCRIPTION, example = "card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0")
                                         @RequestParam(required = false) String startingAfter) {
        return cards.listForCustomer(merchant.merchantId(), customerId, PageRequest.of(limit, startingAfter)).map(cards::describe);
    }

    @PostMapping("/api/v1/cards/{cardId}/suspend")
    @Operation(summary = "Suspend an active card (reversible)",
            description = "Makes an active card unusable until it is reactivated: purchases are declined with "
                    + "card_not_active and top-ups refused. Its balance stays on it. A card that is not active is a 409 "
                    + "card_not_active. Next, when appropriate: POST /api/v1/cards/{cardId}/reactivate.")
    @ApiResponse(responseCode = "200", description = "Suspended")
    CardResponse suspendCard(@AuthenticationPrincipal MerchantPrincipal merchant,
                             @Parameter(description = "The card's id", example = "card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0")
                             @PathVariable String cardId) {
        return cards.describe(cards.suspend(merchant.merchantId(), cardId));
    }

    @PostMapping("/api/v1/cards/{cardId}/reactivate")
    @Operation(summary = "Reactivate a suspended card",
            description = "Makes a suspended card active again, with the balance it had. A card that is not suspended is "
                    + "a 409 card_not_suspended.")
    @ApiResponse(responseCode = "200", description = "Active again")
    CardResponse reactivateCard(@AuthenticationPrincipal MerchantPrincipal merchant,
                                @Parameter(description = "The card's id", example = "card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0")
                                @PathVariable String cardId) {
        return cards.describe(cards.reactivate(merchant.merchantId(), cardId));
    }

    @PostMapping("/api/v1/cards/{cardId}/close")
    @Operation(summary = "Close a card for good; its balance returns to the merchant's available balance",
            description = "Ends an active or suspended card: it can never be used or reactivated again, and its balance "
                    + "returns to the merchant's available balance at once. A pending, failed or already closed card is a "
                    + "409 card_already_final.")
    @ApiResponse(responseCode = "200", description = "Closed")
    CardResponse closeCard(@AuthenticationPrincipal MerchantPrincipal merchant,
                           @Parameter(description = "The card's id", example = "card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0")
                           @PathVariable String cardId) {
        return cards.describe(cards.close(merchant.merchantId(), cardId));
    }
}
