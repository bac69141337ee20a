package io.cardflow.common.idempotency;

/**
 * The key a request holds while its work runs, handed to a handler marked {@link RecordsIdempotentAnswer} as the
 * request attribute {@link #ATTRIBUTE}: that work records its answer with {@link #recordWithWork}, in its own
 * transaction, so the answer commits with the work or not at all.
 */
public final class IdempotencyClaim {

    public static final String ATTRIBUTE = "cardflow.idempotencyClaim";

    private final IdempotencyStore store;
    private final String scope;
    private final String key;

    IdempotencyClaim(IdempotencyStore store, String scope, String key) {
        this.store = store;
        this.scope = scope;
        this.key = key;
    }

    /** Records a successful answer; must run in the transaction of the work it answers for. */
    public void recordWithWork(int status, String contentType, String body) {
        store.completeWithWork(scope, key, status, contentType, body);
    }
}
