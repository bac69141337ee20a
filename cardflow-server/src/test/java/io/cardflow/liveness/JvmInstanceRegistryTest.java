package io.cardflow.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmInstanceRegistryTest {

    @Test
    void anInstanceIsAliveFromItsStartUntilItStopsAndSeesTheOthersOfThisProcess() {
        JvmInstanceRegistry first = new JvmInstanceRegistry();
        JvmInstanceRegistry second = new JvmInstanceRegistry();
        assertThat(first.self()).isNotZero().isNotEqualTo(second.self());
        assertThat(first.isAlive(second.self())).isTrue();
        assertThat(second.isAlive(first.self())).isTrue();

        second.destroy();
        assertThat(first.isAlive(second.self())).as("stopped").isFalse();
        first.destroy();
    }

    @Test
    void anOwnerNotRunningInThisProcessIsDead() {
        JvmInstanceRegistry registry = new JvmInstanceRegistry();
        assertThat(registry.isAlive(0)).as("a key claimed before owners were recorded").isFalse();
        assertThat(registry.isAlive(registry.self() + 1)).as("another process's instance").isFalse();
        registry.destroy();
    }
}
