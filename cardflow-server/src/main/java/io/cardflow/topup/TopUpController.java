package io.cardflow.topup;

import io.cardflow.common.MoneyRequest;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.idempotency.IdempotencyClaim;
import io.cardflow.idempotency.RecordsIdempotentAnswer;
import io.cardflow.jobs.Processing;
import io.cardflow.longpoll.LongPoll;
import io.cardflow.longpoll.Wait;
import io.cardflow.security.MerchantPrincipal;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.web.context.request.async.DeferredResult;

@RestController
@Tag(name = "Phases 6-7: top-ups", description = "Funding cards from the merchant's balance: the amount is held at once "
        + "and settled onto the card in the background.")
class TopUpController {

    private final TopUpService topUps;
    private final TopUpBatcher batcher;
    private final JsonMapper json;
    private final LongPoll longPoll;

    TopUpController(TopUpService topUps, TopUpBatcher batcher, JsonMapper json, LongPoll longPoll) {
        this.topUps = topUps;
        this.batcher = batcher;
        this.json = json;
        this.longPoll = longPoll;
    }

    @PostMapping("/api/v1/cards/{cardId}/topup")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RecordsIdempotentAnswer
    @Operation(summary = "Fund an active card from the merchant's balance (phase 6); the amount is held at once",
            description = "Phase 6 of the guide. Holds the amount from the merchant's available balance in the card's "
                    + "currency and answers 202 with the top-up, status pending. The card must be active (else 409 "
                    + "card_not_active), the currency the card's and the amount within the product's topUpMinimum and "
                    + "topUpMaximum (else 422), and the balance must cover it (else 409 insufficient_funds). Send an "
                    + "Idempotency-Key so that a retry cannot top up twice. Next: poll GET /api/v1/topupstatus/{topupId} "
                    + "(phase 7) until status is approved.")
    @ApiResponse(responseCode = "202", description = "Accepted: the amount is held and waits for settlement")
    TopUpResponse createTopUp(@AuthenticationPrincipal MerchantPrincipal merchant,
                              @Parameter(description = "The card to fund", example = "card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0")
                              @PathVariable String cardId,
                              @io.swagger.v3.oas.annotations.parameters.RequestBody(
                                      description = "The amount, in the card's currency")
                              @Valid @RequestBody MoneyRequest request,
                              @RequestAttribute(name = IdempotencyClaim.ATTRIBUTE, required = false) IdempotencyClaim claim) {
        return TopUpResponse.of(batcher.create(merchant.merchantId(), cardId, request.toMoney(), created -> {
            if (claim != null) {
                claim.recordWithWork(HttpStatus.ACCEPTED.value(), MediaType.APPLICATION_JSON_VALUE,
                        json.writeValueAsString(TopUpResponse.of(created)));
            }
        }));
    }

    @GetMapping("/api/v1/topupstatus/{topupId}")
    @Operation(summary = "A top-up's status (phase 7)",
            description = "Phase 7 of the guide. Poll until status is approved (the amount is on the card, which is ready "
                    + "for transactions) or rejected (the amount is back in the merchant's balance; reason says why). "
                    + "While settlement is failing in the background, processing says how. With wait=N the answer comes as "
                    + "soon as the top-up is no longer pending, or after N seconds with it as it is (long-poll, docs/api.md).")
    @ApiResponse(responseCode = "200", description = "The top-up")
    @Parameter(name = "wait", in = ParameterIn.QUERY, description = Wait.DESCRIPTION, example = "30",
            schema = @Schema(type = "integer", minimum = "1", maximum = "60"))
    TopUpResponse getTopUpStatus(@AuthenticationPrincipal MerchantPrincipal merchant,
                                 @Parameter(description = "The top-up's id (its transactionId)",
                                         example = "txn_7Hc2Lq9ZbX4mP1sK8dF3gW0y") @PathVariable String topupId) {
        TopUp topUp = topUps.get(merchant.merchantId(), topupId);
        return TopUpResponse.of(topUp, topUps.processing(List.of(topUp)).get(topUp.id()));
    }

    /** {@link #getTopUpStatus} with {@code wait}: documented there. */
    @Hidden
    @GetMapping(value = "/api/v1/topupstatus/{topupId}", params = "wait")
    DeferredResult<TopUpResponse> waitForTopUpStatus(@AuthenticationPrincipal MerchantPrincipal merchant,
                                                     @PathVariable String topupId, @RequestParam String wait) {
        return longPoll.answer(merchant.merchantId(), topupId, Wait.of(wait), () -> getTopUpStatus(merchant, topupId),
                topUp -> topUp.status() != TopUpState.PENDING);
    }

    @GetMapping("/api/v1/cards/{cardId}/topups")
    @Operation(summary = "List a card's top-ups, newest first",
            description = "Every top-up of the card, in any status, newest first, a page at a time.")
    @ApiResponse(responseCode = "200", description = "A page of the card's top-ups")
    Page<TopUpResponse> listCardTopUps(@AuthenticationPrincipal MerchantPrincipal merchant,
                                       @Parameter(description = "The card", example = "card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0")
                                       @PathVariable String cardId,
                                       @Parameter(description = PageRequest.LIMIT_DESCRIPTION, example = "10")
                                       @RequestParam(required = false) String limit,
                                       @Parameter(description = PageRequest.STARTING_AFTER_DESCRIPTION,
                                               example = "txn_7Hc2Lq9ZbX4mP1sK8dF3gW0y")
                                       @RequestParam(required = false) String startingAfter) {
        Page<TopUp> page = topUps.listForCard(merchant.merchantId(), cardId, PageRequest.of(limit, startingAfter));
        Map<String, Processing> processing = topUps.processing(page.data());
        return page.map(topUp -> TopUpResponse.of(topUp, processing.get(topUp.id())));
    }
}
