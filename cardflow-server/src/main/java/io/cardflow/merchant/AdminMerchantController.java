package io.cardflow.merchant;

import io.cardflow.common.MoneyRequest;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.ledger.CurrencyBalance;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
@Tag(name = "Operator: merchants", description = "Operator key only. The merchants using this server, their API keys "
        + "and the deposits that fund their balances.")
class AdminMerchantController {

    private final MerchantService merchants;
    private final ApiKeyService apiKeys;

    AdminMerchantController(MerchantService merchants, ApiKeyService apiKeys) {
        this.merchants = merchants;
        this.apiKeys = apiKeys;
    }

    @Schema(description = "A new merchant")
    record CreateMerchantRequest(
            @Schema(description = "The merchant's name; must contain a letter", example = "Acme Payments Inc")
            @NotBlank @Size(max = 200) @Pattern(regexp = ".*\\p{L}.*", message = "must contain a letter") String name) {
    }

    @Schema(description = "A merchant of this server")
    record MerchantResponse(
            @Schema(description = "The merchant's id (prefix mer_)", example = "mer_2Rf8Kq1Zx6Wb3Nm7Lc9Vd4Tp") String merchantId,
            @Schema(description = "The merchant's name", example = "Acme Payments Inc") String name,
            @Schema(description = "When it was created (UTC)", example = "2026-03-01T07:59:00.000Z") Instant createdAt,
            @Schema(description = "Its balance per currency: on a single merchant only (empty when just created, "
                    + "null in lists)") List<CurrencyBalance> balances) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a merchant",
            description = "Creates a merchant with no money and no key. Next: issue it an API key with POST "
                    + "/api/v1/admin/merchants/{merchantId}/api-keys and fund it with POST .../deposits.")
    @ApiResponse(responseCode = "201", description = "Created")
    MerchantResponse createMerchant(@Valid @RequestBody CreateMerchantRequest request) {
        Merchant merchant = merchants.create(request.name());
        return new MerchantResponse(merchant.id(), merchant.name(), merchant.createdAt(), List.of());
    }

    @GetMapping
    @Operation(summary = "List merchants, newest first",
            description = "Every merchant, newest first, a page at a time, without balances (get one merchant for those).")
    @ApiResponse(responseCode = "200", description = "A page of merchants")
    Page<MerchantResponse> listMerchants(@Parameter(description = PageRequest.LIMIT_DESCRIPTION, example = "10")
                                @RequestParam(required = false) String limit,
                                @Parameter(description = PageRequest.STARTING_AFTER_DESCRIPTION, example = "mer_2Rf8Kq1Zx6Wb3Nm7Lc9Vd4Tp")
                                @RequestParam(required = false) String startingAfter) {
        return merchants.list(PageRequest.of(limit, startingAfter))
                .map(merchant -> new MerchantResponse(merchant.id(), merchant.name(), merchant.createdAt(), null));
    }

    @GetMapping("/{merchantId}")
    @Operation(summary = "Get a merchant, with its balances",
            description = "A merchant and its available and pending balance in each currency it holds.")
    @ApiResponse(responseCode = "200", description = "The merchant")
    MerchantResponse getMerchant(@Parameter(description = "The merchant's id", example = "mer_2Rf8Kq1Zx6Wb3Nm7Lc9Vd4Tp")
    @PathVariable String merchantId) {
        Merchant merchant = merchants.get(merchantId);
        return new MerchantResponse(merchant.id(), merchant.name(), merchant.createdAt(), merchants.balances(merchantId));
    }

    @PostMapping("/{merchantId}/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue an API key to a merchant",
            description = "Creates a key and answers its secret, this once: hand it to the merchant, who sends it as "
                    + "'Authorization: Bearer <key>'. A merchant may hold several keys, to rotate them without downtime.")
    @ApiResponse(responseCode = "201", description = "Issued; the secret is in key")
    IssuedApiKey createApiKey(@Parameter(description = "The merchant's id", example = "mer_2Rf8Kq1Zx6Wb3Nm7Lc9Vd4Tp")
    @PathVariable String merchantId) {
        return apiKeys.issue(merchantId);
    }

    @GetMapping("/{merchantId}/api-keys")
    @Operation(summary = "List a merchant's API keys",
            description = "Every key the merchant was issued, revoked ones included, newest first, without secrets.")
    @ApiResponse(responseCode = "200", description = "The keys, newest first")
    List<ApiKey> listApiKeys(@Parameter(description = "The merchant's id", example = "mer_2Rf8Kq1Zx6Wb3Nm7Lc9Vd4Tp")
    @PathVariable String merchantId) {
        return apiKeys.list(merchantId);
    }

    @DeleteMapping("/{merchantId}/api-keys/{apiKeyId}")
    @Operation(summary = "Revoke a merchant's API key",
            description = "The key stops working at once (its requests get 401); the answer shows revokedAt. Revoking a "
                    + "key again is a 409 api_key_already_revoked.")
    @ApiResponse(responseCode = "200", description = "Revoked")
    ApiKey revokeApiKey(@Parameter(description = "The merchant's id", example = "mer_2Rf8Kq1Zx6Wb3Nm7Lc9Vd4Tp")
    @PathVariable String merchantId,
                        @Parameter(description = "The key's id", example = "key_6Yb1Nq8Zx3Lm5Wc2Kd7Tv9Hr")
                        @PathVariable String apiKeyId) {
        return apiKeys.revoke(merchantId, apiKeyId);
    }

    @PostMapping("/{merchantId}/deposits")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Credit money to a merchant's balance",
            description = "Records money the merchant paid in (outside this API) and adds it to its available balance in "
                    + "that currency at once, ready for top-ups. Send an Idempotency-Key so that a retry cannot credit twice.")
    @ApiResponse(responseCode = "201", description = "Credited")
    Deposit createDeposit(@Parameter(description = "The merchant's id", example = "mer_2Rf8Kq1Zx6Wb3Nm7Lc9Vd4Tp")
    @PathVariable String merchantId,
                          @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The amount to credit")
                          @Valid @RequestBody MoneyRequest request) {
        return merchants.deposit(merchantId, request.toMoney());
    }
}
