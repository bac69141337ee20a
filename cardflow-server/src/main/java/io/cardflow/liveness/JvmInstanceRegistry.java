package io.cardflow.liveness;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;

/**
 * Liveness on the embedded H2 database. Its file is locked by the one JVM that opened it, so every instance that can
 * see the database runs in this JVM (several in the tests, one in a deployment): the live instances are exactly those
 * registered here, and any other owner is a process that died.
 */
final class JvmInstanceRegistry implements InstanceLiveness, DisposableBean {

    private static final Set<Long> LIVE = ConcurrentHashMap.newKeySet();

    private final long self;

    JvmInstanceRegistry() {
        this.self = InstanceLiveness.newInstanceId();
        LIVE.add(self);
    }

    @Override
    public long self() {
        return self;
    }

    @Override
    public boolean isAlive(long instance) {
        return LIVE.contains(instance);
    }

    /** Registered for the whole life of this instance: nothing can be lost. */
    @Override
    public boolean canClaim() {
        return true;
    }

    @Override
    public void destroy() {
        LIVE.remove(self);
    }
}
