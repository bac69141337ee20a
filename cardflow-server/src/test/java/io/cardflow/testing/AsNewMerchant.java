package io.cardflow.testing;

import io.cardflow.testing.Fixtures.TestMerchant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the integration tests that run on the shared test server, each test as a merchant of its own: tenancy
 * keeps tests apart without resetting the database.
 */
public abstract class AsNewMerchant {

    protected static Api api;
    protected TestMerchant merchant;

    @BeforeAll
    static void connectToSharedServer() {
        api = TestServer.shared().api();
    }

    @BeforeEach
    void becomeNewMerchant() {
        merchant = Fixtures.newMerchant(api);
    }
}
