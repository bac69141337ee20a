package io.cardflow.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs {@link LedgerInvariants} after every test against every test server still running, in-process or as a
 * process of its own, so each integration test also proves that it left the money consistent. Registered for all
 * tests through extension auto-detection.
 */
public class LedgerInvariantsExtension implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        TestServer.running().forEach(server -> LedgerInvariants.assertHold(server.database()));
        ServerProcess.running().forEach(server -> LedgerInvariants.assertHold(server.database()));
    }
}
