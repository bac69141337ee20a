package io.cardflow.merchant;

import java.time.Instant;

public record Deposit(String depositId, String merchantId, long amount, String currency, Instant createdAt) {
}
