package io.cardflow.card;

import java.time.Instant;

/** A pending card whose processor answer is not recorded yet, with the attempt to ask about and when it was requested. */
record UnansweredIssuance(Card card, int attempt, Instant requestedAt) {
}
