package io.cardflow.sdk;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;

/** Clients for tests: pointed at a stub, with the waits recorded instead of slept and the jitter fixed. */
final class TestClients {

    static final String API_KEY = "sk_test_0123456789";

    /** The delays the client asked to sleep, in order. */
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    CardflowClient.Builder against(StubServer stub) {
        return CardflowClient.builder()
                .apiKey(API_KEY)
                .baseUrl(stub.baseUrl())
                .sleeper(sleeps::add)
                .random(fixedRandom(0.5));
    }

    /** A generator whose every double is {@code value}, so that jittered delays are predictable. */
    static RandomGenerator fixedRandom(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return (long) (value * Long.MAX_VALUE);
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
