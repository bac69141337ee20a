package io.cardflow.card;

import java.util.Objects;

/** What a {@link CardProcessor} answered: the card's secrets, or why it would not issue one. */
public sealed interface IssuanceResult {

    record Issued(CardSecrets secrets) implements IssuanceResult {

        public Issued {
            Objects.requireNonNull(secrets, "secrets");
        }
    }

    /** {@code reasonCode} is what clients branch on; {@code message} is for people. */
    record Refused(IssuanceFailure reasonCode, String message) implements IssuanceResult {

        public Refused {
            Objects.requireNonNull(reasonCode, "reasonCode");
            Objects.requireNonNull(message, "message");
        }
    }
}
