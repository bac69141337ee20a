package io.cardflow.security;

import static io.cardflow.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.AsNewMerchant;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may call what: merchant keys, the operator key, revocation, and the endpoints that need no key. */
class AuthenticationIT extends AsNewMerchant {

    private static final String CUSTOMERS = "/api/v1/customers";

    @Test
    void merchantKeyWorks() {
        assertThat(api.get(CUSTOMERS, merchant.key()).status()).isEqualTo(200);
    }

    @Test
    void missingAuthorizationHeaderIsUnauthorized() {
        assertUnauthorized(api.get(CUSTOMERS, null));
        assertUnauthorized(api.post(CUSTOMERS, null, Fixtures.individualCustomer("Ana", "Lopez")));
        assertUnauthorized(api.get("/api/v1/admin/merchants", null));
    }

    @Test
    void otherSchemesAreUnauthorized() {
        assertUnauthorized(withAuthorization(CUSTOMERS, "Basic " + merchant.key()));
        assertUnauthorized(withAuthorization(CUSTOMERS, merchant.key()));
        assertUnauthorized(withAuthorization(CUSTOMERS, "Bearer"));
        assertUnauthorized(withAuthorization("/api/v1/admin/merchants", "Basic " + TestServer.ADMIN_KEY));
    }

    @Test
    void malformedAndUnknownKeysAreUnauthorized() {
        assertUnauthorized(api.get(CUSTOMERS, "not-a-key"));
        assertUnauthorized(api.get(CUSTOMERS, "sk_short"));
        assertUnauthorized(api.get(CUSTOMERS, merchant.key() + "x"));
        assertUnauthorized(api.get(CUSTOMERS, "sk_" + "A".repeat(40)));
        String flipped = merchant.key().substring(0, merchant.key().length() - 1)
                + (merchant.key().endsWith("a") ? "b" : "a");
        assertUnauthorized(api.get(CUSTOMERS, flipped));
    }

    @Test
    void revokedKeyStopsWorkingWhileTheMerchantsOtherKeyKeepsWorking() {
        Api.Response first = issueKey();
        Api.Response second = issueKey();
        String firstKey = first.field("key");
        assertThat(api.get(CUSTOMERS, firstKey).status()).isEqualTo(200);

        Api.Response revoked = api.delete(keysPath() + "/" + first.field("apiKeyId"), TestServer.ADMIN_KEY);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.field("revokedAt")).isNotNull();

        assertUnauthorized(api.get(CUSTOMERS, firstKey));
        assertUnauthorized(api.post(CUSTOMERS, firstKey, Fixtures.individualCustomer("Ana", "Lopez")));
        assertThat(api.get(CUSTOMERS, second.field("key")).status()).isEqualTo(200);
        assertThat(api.get(CUSTOMERS, merchant.key()).status()).isEqualTo(200);

        assertProblem(api.delete(keysPath() + "/" + first.field("apiKeyId"), TestServer.ADMIN_KEY), 409, "api_key_already_revoked");
        assertUnauthorized(api.get(CUSTOMERS, firstKey));
    }

    @Test
    void revokingAnUnknownKeyIsNotFound() {
        assertProblem(api.delete(keysPath() + "/key_doesnotexist", TestServer.ADMIN_KEY), 404, "not_found");
        TestMerchant other = Fixtures.newMerchant(api);
        String othersKeyId = api.post("/api/v1/admin/merchants/" + other.id() + "/api-keys", TestServer.ADMIN_KEY, null)
                .field("apiKeyId");
        assertProblem(api.delete(keysPath() + "/" + othersKeyId, TestServer.ADMIN_KEY), 404, "not_found");
    }

    @Test
    void merchantKeyCannotCallOperatorEndpoints() {
        assertUnauthorized(api.get("/api/v1/admin/merchants", merchant.key()));
        assertUnauthorized(api.get("/api/v1/admin/merchants/" + merchant.id(), merchant.key()));
        assertUnauthorized(api.post("/api/v1/admin/merchants/" + merchant.id() + "/deposits", merchant.key(),
                Map.of("amount", 100, "currency", "USD")));
        assertUnauthorized(api.post(keysPath(), merchant.key(), null));
    }

    @Test
    void operatorKeyCannotCallMerchantEndpoints() {
        assertUnauthorized(api.get(CUSTOMERS, TestServer.ADMIN_KEY));
        assertUnauthorized(api.get("/api/v1/balance", TestServer.ADMIN_KEY));
        assertUnauthorized(api.post(CUSTOMERS, TestServer.ADMIN_KEY, Fixtures.individualCustomer("Ana", "Lopez")));
    }

    @Test
    void wrongOperatorKeyIsUnauthorized() {
        assertUnauthorized(api.get("/api/v1/admin/merchants", TestServer.ADMIN_KEY + "x"));
        assertUnauthorized(api.get("/api/v1/admin/merchants", "cfadm_" + "x".repeat(30)));
        assertUnauthorized(api.post("/api/v1/admin/merchants", TestServer.ADMIN_KEY.substring(1), Map.of("name", "Evil Corp")));
    }

    @Test
    void healthAndApiDocsNeedNoKey() {
        Api.Response health = api.get("/actuator/health", null);
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.field("status")).isEqualTo("UP");
        Api.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).as("api docs need no key").isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/customers")).isTrue();
    }

    @Test
    void keyListingNeverShowsTheSecret() {
        Api.Response issued = issueKey();
        String secret = issued.field("key");
        Api.Response listing = api.get(keysPath(), TestServer.ADMIN_KEY);
        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.json().valueStream().map(key -> key.get("apiKeyId").asString()))
                .contains(issued.field("apiKeyId"));
        assertThat(listing.text()).doesNotContain(secret).doesNotContain(merchant.key())
                .doesNotContain(secret.substring(10)).doesNotContain(merchant.key().substring(10));
        listing.json().valueStream().forEach(key -> assertThat(key.has("key")).as(key.toString()).isFalse());
    }

    private Api.Response issueKey() {
        Api.Response issued = api.post(keysPath(), TestServer.ADMIN_KEY, null);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.field("key")).startsWith("sk_");
        return issued;
    }

    private String keysPath() {
        return "/api/v1/admin/merchants/" + merchant.id() + "/api-keys";
    }

    private static Api.Response withAuthorization(String path, String authorization) {
        return api.send("GET", path, null, null, Map.of("Authorization", authorization));
    }

    private static void assertUnauthorized(Api.Response response) {
        assertProblem(response, 401, "unauthorized");
        assertThat(response.text()).doesNotContain("sk_");
    }
}
