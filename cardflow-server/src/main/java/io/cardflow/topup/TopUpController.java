package io.cardflow.topup;

import io.cardflow.common.MoneyRequest;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.common.idempotency.IdempotencyClaim;
import io.cardflow.common.idempotency.RecordsIdempotentAnswer;
import io.cardflow.jobs.Processing;
import io.cardflow.security.MerchantPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Phases 6-7: top-ups")
class TopUpController {

    private final TopUpService topUps;
    private final TopUpBatcher batcher;

    TopUpController(TopUpService topUps, TopUpBatcher batcher) {
        this.topUps = topUps;
        this.batcher = batcher;
    }

    @PostMapping("/api/v1/cards/{cardId}/topup")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RecordsIdempotentAnswer
    @Operation(summary = "Fund an active card from the merchant's balance (phase 6); the amount is held at once")
    TopUpResponse createTopUp(@AuthenticationPrincipal MerchantPrincipal merchant, @PathVariable String cardId,
                              @Valid @RequestBody MoneyRequest request,
                              @RequestAttribute(name = IdempotencyClaim.ATTRIBUTE, required = false) IdempotencyClaim claim) {
        return TopUpResponse.of(batcher.create(merchant.merchantId(), cardId, request.toMoney(), claim));
    }

    @GetMapping("/api/v1/topupstatus/{topupId}")
    @Operation(summary = "A top-up's status (phase 7)")
    TopUpResponse getTopUpStatus(@AuthenticationPrincipal MerchantPrincipal merchant, @PathVariable String topupId) {
        TopUp topUp = topUps.get(merchant.merchantId(), topupId);
        return TopUpResponse.of(topUp, topUps.processing(List.of(topUp)).get(topUp.id()));
    }

    @GetMapping("/api/v1/cards/{cardId}/topups")
    Page<TopUpResponse> listCardTopUps(@AuthenticationPrincipal MerchantPrincipal merchant, @PathVariable String cardId,
                                       @RequestParam(required = false) String limit,
                                       @RequestParam(required = false) String startingAfter) {
        Page<TopUp> page = topUps.listForCard(merchant.merchantId(), cardId, PageRequest.of(limit, startingAfter));
        Map<String, Processing> processing = topUps.processing(page.data());
        return page.map(topUp -> TopUpResponse.of(topUp, processing.get(topUp.id())));
    }
}
