package io.cardflow.security;

/**
 * Where the key to present is the operator key, not a merchant's: the operator API, and the actuator's endpoints other
 * than health (which load balancers and orchestrators call without a key).
 */
final class OperatorEndpoints {

    static final String ACTUATOR = "/actuator";
    static final String HEALTH = ACTUATOR + "/health";

    private OperatorEndpoints() {
    }

    static boolean matches(String uri) {
        return uri.startsWith("/api/v1/admin/") || within(uri, ACTUATOR) && !within(uri, HEALTH);
    }

    private static boolean within(String uri, String path) {
        return uri.equals(path) || uri.startsWith(path + "/");
    }
}
