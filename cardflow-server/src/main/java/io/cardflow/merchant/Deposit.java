package io.cardflow.merchant;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

@Schema(description = "Money an operator added to a merchant's available balance")
public record Deposit(
        @Schema(description = "The deposit's id (prefix dep_)", example = "dep_3Wq7Lk1Zx9Mb4Nc8Vd2Tp6Hy") String depositId,
        @Schema(description = "The merchant credited", example = "mer_2Rf8Kq1Zx6Wb3Nm7Lc9Vd4Tp") String merchantId,
        @Schema(description = "The amount in minor units of the currency", example = "10000000") long amount,
        @Schema(description = "ISO 4217 currency code", example = "USD") String currency,
        @Schema(description = "When it was credited (UTC)", example = "2026-03-01T08:05:00.000Z") Instant createdAt) {
}
