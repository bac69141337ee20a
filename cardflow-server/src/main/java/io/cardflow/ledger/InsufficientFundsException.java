package io.cardflow.ledger;

/** A debit that the account's balance does not cover; the transaction it belongs to must roll back. */
public class InsufficientFundsException extends RuntimeException {

    public InsufficientFundsException(String message) {
        super(message, null, false, false);
    }
}
