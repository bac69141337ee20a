package io.cardflow.merchant;

import java.time.Instant;

public record Merchant(String id, String name, Instant createdAt) {
}
