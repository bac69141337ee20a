package io.cardflow.card;

import java.time.YearMonth;

/** What is stored of an issued card: the PAN and CVV encrypted, and only the parts that may be shown in clear. */
record EncryptedCard(String pan, String panFingerprint, String cvv, String last4, String maskedPan, YearMonth expiry) {
}
