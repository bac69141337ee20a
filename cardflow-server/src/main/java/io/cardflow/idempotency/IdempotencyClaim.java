package io.cardflow.idempotency;

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
    private final long token;

    IdempotencyClaim(IdempotencyStore store, String scope, String key, long token) {
        this.store = store;
        this.scope = scope;
        this.key = key;
        this.token = token;
    }

    /**
     * Records a successful answer; must run in the transaction of the work it answers for. Throws (an
     * {@code idempotency_key_in_use} refusal) when the key is no longer this request's, so that the work rolls back.
     */
    public void recordWithWork(int status, String contentType, String body) {
        store.completeWithWork(scope, key, token, status, contentType, body);
    }

    void recordAlone(int status, String contentType, String body) {
        store.completeAlone(scope, key, token, status, contentType, body);
    }

    void release() {
        store.release(scope, key, token);
    }

    void ended() {
        store.ended(token);
    }
}
