package io.cardflow.merchant;

import io.cardflow.common.MoneyRequest;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.ledger.CurrencyBalance;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/merchants")
@Tag(name = "Operator: merchants")
class AdminMerchantController {

    private final MerchantService merchants;
    private final ApiKeyService apiKeys;

    AdminMerchantController(MerchantService merchants, ApiKeyService apiKeys) {
        this.merchants = merchants;
        this.apiKeys = apiKeys;
    }

    record CreateMerchantRequest(
            @NotBlank @Size(max = 200) @Pattern(regexp = ".*\\p{L}.*", message = "must contain a letter") String name) {
    }

    record MerchantResponse(String merchantId, String name, Instant createdAt, List<CurrencyBalance> balances) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MerchantResponse createMerchant(@Valid @RequestBody CreateMerchantRequest request) {
        Merchant merchant = merchants.create(request.name());
        return new MerchantResponse(merchant.id(), merchant.name(), merchant.createdAt(), List.of());
    }

    @GetMapping
    Page<MerchantResponse> listMerchants(@RequestParam(required = false) String limit,
                                @RequestParam(required = false) String startingAfter) {
        return merchants.list(PageRequest.of(limit, startingAfter))
                .map(merchant -> new MerchantResponse(merchant.id(), merchant.name(), merchant.createdAt(), null));
    }

    @GetMapping("/{merchantId}")
    MerchantResponse getMerchant(@PathVariable String merchantId) {
        Merchant merchant = merchants.get(merchantId);
        return new MerchantResponse(merchant.id(), merchant.name(), merchant.createdAt(), merchants.balances(merchantId));
    }

    @PostMapping("/{merchantId}/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedApiKey createApiKey(@PathVariable String merchantId) {
        return apiKeys.issue(merchantId);
    }

    @GetMapping("/{merchantId}/api-keys")
    List<ApiKey> listApiKeys(@PathVariable String merchantId) {
        return apiKeys.list(merchantId);
    }

    @DeleteMapping("/{merchantId}/api-keys/{apiKeyId}")
    ApiKey revokeApiKey(@PathVariable String merchantId, @PathVariable String apiKeyId) {
        return apiKeys.revoke(merchantId, apiKeyId);
    }

    @PostMapping("/{merchantId}/deposits")
    @ResponseStatus(HttpStatus.CREATED)
    Deposit createDeposit(@PathVariable String merchantId, @Valid @RequestBody MoneyRequest request) {
        return merchants.deposit(merchantId, request.toMoney());
    }
}
