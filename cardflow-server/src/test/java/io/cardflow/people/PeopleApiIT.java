package io.cardflow.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The operator API for users and the audit log, over HTTP; the browser side is PortalBrowserIT's. */
class PeopleApiIT {

    private final TestServer server = TestServer.shared();
    private final Api api = server.api();

    @Test
    void invitationsAreValidatedNamingTheField() {
        String merchantId = Fixtures.newMerchant(api, Map.of()).id();
        assertThat(invite("/api/v1/admin/users", "not-an-email", "owner").text()).contains("\"field\":\"email\"");
        Api.Response wrongRole = invite("/api/v1/admin/users", email(), "owner");
        assertThat(wrongRole.status()).isEqualTo(422);
        assertThat(wrongRole.text()).contains("\"field\":\"role\"", "admin, reviewer, viewer");
        assertThat(invite("/api/v1/admin/merchants/" + merchantId + "/users", email(), "admin").text()).contains("owner, developer, viewer");
        assertThat(invite("/api/v1/admin/merchants/mer_nosuchmerchant/users", email(), "owner").status()).isEqualTo(404);

        String taken = email();
        assertThat(invite("/api/v1/admin/users", taken, "viewer").status()).isEqualTo(201);
        Api.Response again = invite("/api/v1/admin/merchants/" + merchantId + "/users", taken.toUpperCase(), "viewer");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.field("code")).isEqualTo("user_email_taken");
    }

    @Test
    void anInvitationAnswersAOneTimeLinkAndTheUserIsListedAsInvited() {
        String merchantId = Fixtures.newMerchant(api, Map.of()).id();
        String email = email();
        Api.Response invited = invite("/api/v1/admin/merchants/" + merchantId + "/users", email, "developer");

        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.field("invitationUrl")).matches(server.baseUrl() + "/password/setup\\?token=[A-Za-z0-9]{43}");
        assertThat(invited.json().get("user").get("status").asString()).isEqualTo("invited");
        Api.Response listed = api.get("/api/v1/admin/merchants/" + merchantId + "/users", TestServer.ADMIN_KEY);
        assertThat(listed.json().get("data").get(0).get("email").asString()).isEqualTo(email);
        assertThat(api.get("/api/v1/admin/users?limit=100", TestServer.ADMIN_KEY).text()).doesNotContain(email);

        String userId = invited.json().get("user").get("id").asString();
        Api.Response reset = api.post("/api/v1/admin/users/" + userId + "/reset-password", TestServer.ADMIN_KEY, null);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.field("invitationUrl")).isNotEqualTo(invited.field("invitationUrl"));
        assertThat(api.get(pathOf(invited.field("invitationUrl")), null).text()).as("the older link stopped working")
                .contains("id=\"link-expired\"");
        assertThat(api.get(pathOf(reset.field("invitationUrl")), null).text()).contains(email);
        assertThat(api.post("/api/v1/admin/users/usr_nosuchuser/reset-password", TestServer.ADMIN_KEY, null).status()).isEqualTo(404);
    }

    @Test
    void theApiStaysStatelessAndAMerchantKeyCannotManageUsers() {
        Fixtures.TestMerchant merchant = Fixtures.newMerchant(api, Map.of());
        Api.Response balances = api.get("/api/v1/balance", merchant.key());
        assertThat(balances.status()).isEqualTo(200);
        assertThat(balances.header("Set-Cookie")).isNull();
        assertThat(api.get("/api/v1/admin/users", merchant.key()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/admin/audit-log", merchant.key()).status()).isEqualTo(401);
    }

    @Test
    void theAuditLogIsFilteredPagedAndExportedAsSafeCsv() {
        String merchantId = Fixtures.newMerchant(api, Map.of()).id();
        String first = invite("/api/v1/admin/merchants/" + merchantId + "/users", email(), "viewer").json().get("user").get("id").asString();
        String second = invite("/api/v1/admin/merchants/" + merchantId + "/users", email(), "viewer").json().get("user").get("id").asString();

        Api.Response page = api.get("/api/v1/admin/audit-log?actor=operator_key&action=user_invited&limit=1", TestServer.ADMIN_KEY);
        assertThat(page.json().get("data").get(0).get("objectId").asString()).isEqualTo(second);
        assertThat(page.json().get("hasMore").asBoolean()).isTrue();
        String cursor = page.json().get("data").get(0).get("id").asString();
        Api.Response next = api.get("/api/v1/admin/audit-log?actor=operator_key&action=user_invited&limit=1&startingAfter=" + cursor,
                TestServer.ADMIN_KEY);
        assertThat(next.json().get("data").get(0).get("objectId").asString()).isEqualTo(first);
        assertThat(api.get("/api/v1/admin/audit-log?action=edited", TestServer.ADMIN_KEY).text()).contains("\"field\":\"action\"");
        assertThat(api.get("/api/v1/admin/audit-log?from=yesterday", TestServer.ADMIN_KEY).text()).contains("\"field\":\"from\"");
        assertThat(api.get("/api/v1/admin/audit-log?from=2030-01-01T00:00:00Z", TestServer.ADMIN_KEY).json().get("data")).isEmpty();

        Api.Response csv = api.send("GET", "/api/v1/admin/audit-log.csv?action=user_invited", TestServer.ADMIN_KEY, null,
                Map.of("Accept", "text/csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.text()).startsWith("\"id\",\"occurred_at\",\"actor_id\"").contains("\"" + first + "\"", "\"" + second + "\"")
                .contains("\r\n").doesNotContain("login_succeeded");
    }

    @Test
    void onPostgresqlTheDatabaseItselfRefusesToChangeOrDeleteTheAuditLog() throws Exception {
        Assumptions.assumeTrue(server.database().isPostgres(), "H2 has no SQL triggers: there, no code path changes the log");
        invite("/api/v1/admin/users", email(), "viewer");
        try (Connection connection = server.database().connect(); Statement sql = connection.createStatement()) {
            for (String change : new String[] {"update audit_log set actor_name = 'someone else'", "delete from audit_log",
                    "truncate audit_log"}) {
                assertThatThrownBy(() -> sql.execute(change)).as(change).isInstanceOf(SQLException.class)
                        .hasMessageContaining("audit_log is append-only");
            }
        }
    }

    private Api.Response invite(String path, String email, String role) {
        return api.post(path, TestServer.ADMIN_KEY, Map.of("email", email, "name", "Grace Hopper", "role", role));
    }

    private static String email() {
        return "user-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private String pathOf(String url) {
        return url.substring(server.baseUrl().length());
    }
}
