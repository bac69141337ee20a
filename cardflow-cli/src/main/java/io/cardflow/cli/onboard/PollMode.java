package io.cardflow.cli.onboard;

import io.cardflow.sdk.flow.PollPolicy;
import java.net.URI;
import java.util.Set;

/** {@code --poll}: how patiently the flow polls. */
public enum PollMode {
    /** Short waits, for a local server whose decisions come after seconds. */
    SANDBOX,
    /** The guide's 30-60 s backoff and 24 h limit, for a real deployment. */
    GUIDE;

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public PollPolicy policy() {
        return this == SANDBOX ? PollPolicy.sandbox() : PollPolicy.guideDefaults();
    }

    /** Sandbox for a server on this machine, the guide's patience anywhere else. */
    public static PollMode defaultFor(String baseUrl) {
        var host = URI.create(baseUrl).getHost();
        return host != null && LOCAL_HOSTS.contains(host) ? SANDBOX : GUIDE;
    }
}
