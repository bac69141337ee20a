package io.cardflow.liveness;

import java.security.SecureRandom;

/**
 * Which server instances are running. Each start of the server is an instance with an id of its own (random, never
 * 0), recorded as the owner of what it claims (an idempotency key, a webhook delivery): a claim is taken over only once
 * its owner is known to be dead, never after a timeout, so work that merely stalls is never done a second time.
 */
public interface InstanceLiveness {

    static long newInstanceId() {
        long id;
        do {
            id = new SecureRandom().nextLong();
        } while (id == 0);
        return id;
    }

    /** This instance's id. */
    long self();

    /** Whether the instance with this id is running; 0 (a claim made before owners were recorded) never is. */
    boolean isAlive(long instance);

    /**
     * Whether this instance can currently be seen alive by the others. While it cannot (it has lost its proof of life),
     * anything it claimed could be taken over while its work runs, so it claims nothing.
     */
    boolean canClaim();
}
