package io.cardflow.idempotency;

import java.security.SecureRandom;

/**
 * Which server instances are running. Each start of the server is an instance with an id of its own (random, never
 * 0), recorded as the owner of the idempotency keys its requests claim: a key is taken over only once its owner is
 * known to be dead, never after a timeout, so a request that merely stalls is never run a second time.
 */
interface InstanceLiveness {

    static long newInstanceId() {
        long id;
        do {
            id = new SecureRandom().nextLong();
        } while (id == 0);
        return id;
    }

    /** This instance's id. */
    long self();

    /** Whether the instance with this id is running; 0 (a key claimed before owners were recorded) never is. */
    boolean isAlive(long instance);

    /**
     * Throws when this instance cannot currently be seen alive by the others (it has lost its proof of life): a key it
     * claimed now could be taken over while its request runs.
     */
    void checkCanClaim();
}
