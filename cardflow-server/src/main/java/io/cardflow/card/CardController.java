package io.cardflow.card;

import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.security.MerchantPrincipal;
import io.swagger.v3.oas.annotations.Operation;
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

@RestController
@Tag(name = "Phases 4-5: cards")
class CardController {

    private final CardService cards;

    CardController(CardService cards) {
        this.cards = cards;
    }

    @PostMapping("/api/v1/cards")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a card (phase 4); needs an approved application for the product")
    CardResponse issueCard(@AuthenticationPrincipal MerchantPrincipal merchant, @Valid @RequestBody IssueCardRequest request) {
        return cards.describe(cards.issue(merchant.merchantId(), request));
    }

    @GetMapping({"/api/v1/card/{cardId}", "/api/v1/cards/{cardId}"})
    @Operation(summary = "A card's state (phase 5); /cards/{cardId} is an alias of the guide's /card/{cardId}")
    CardResponse getCard(@AuthenticationPrincipal MerchantPrincipal merchant, @PathVariable String cardId) {
        Card card = cards.get(merchant.merchantId(), cardId);
        return cards.describe(card).withProcessing(cards.issuanceProcessing(card));
    }

    @GetMapping("/api/v1/customers/{customerId}/cards")
    Page<CardResponse> listCustomerCards(@AuthenticationPrincipal MerchantPrincipal merchant, @PathVariable String customerId,
                                         @RequestParam(required = false) String limit,
                                         @RequestParam(required = false) String startingAfter) {
        return cards.listForCustomer(merchant.merchantId(), customerId, PageRequest.of(limit, startingAfter)).map(cards::describe);
    }

    @PostMapping("/api/v1/cards/{cardId}/suspend")
    @Operation(summary = "Suspend an active card (reversible)")
    CardResponse suspendCard(@AuthenticationPrincipal MerchantPrincipal merchant, @PathVariable String cardId) {
        return cards.describe(cards.suspend(merchant.merchantId(), cardId));
    }

    @PostMapping("/api/v1/cards/{cardId}/reactivate")
    @Operation(summary = "Reactivate a suspended card")
    CardResponse reactivateCard(@AuthenticationPrincipal MerchantPrincipal merchant, @PathVariable String cardId) {
        return cards.describe(cards.reactivate(merchant.merchantId(), cardId));
    }

    @PostMapping("/api/v1/cards/{cardId}/close")
    @Operation(summary = "Close a card for good; its balance returns to the merchant's available balance")
    CardResponse closeCard(@AuthenticationPrincipal MerchantPrincipal merchant, @PathVariable String cardId) {
        return cards.describe(cards.close(merchant.merchantId(), cardId));
    }
}
