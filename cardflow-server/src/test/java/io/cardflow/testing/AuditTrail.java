package io.cardflow.testing;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The audit log as the operator API lists it, newest first, for tests that check who did what. */
public final class AuditTrail {

    private AuditTrail() {
    }

    /** The actor's latest 100 entries, of one action or (null) of every action. */
    public static List<JsonNode> entries(Api api, String actor, String action) {
        List<JsonNode> entries = new ArrayList<>();
        api.get("/api/v1/admin/audit-log?limit=100&actor=" + actor + (action == null ? "" : "&action=" + action),
                TestServer.ADMIN_KEY).json().get("data").forEach(entries::add);
        return entries;
    }

    /** The actor's latest 100 actions. */
    public static List<String> actions(Api api, String actor) {
        return entries(api, actor, null).stream().map(entry -> entry.get("action").asString()).toList();
    }
}
