package io.cardflow.people;

import java.time.Instant;

/** A user with a fresh one-time link to set their password: {@code token} is shown this once and stored only hashed. */
public record Invitation(User user, String token, Instant expiresAt) {
}
