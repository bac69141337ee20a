package io.cardflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code docs/openapi.yaml} is exactly what the server serves. After an API change, regenerate it with
 * {@code ./mvnw verify -Dit.test=OpenApiDocumentIT -Dcardflow.openapi.update=true} and review the diff.
 */
class OpenApiDocumentIT {

    private static final Path COMMITTED = Path.of("..", "docs", "openapi.yaml");

    @Test
    void servedDocumentMatchesTheCommittedOne() throws IOException {
        Api.Response served = TestServer.shared().api().get("/v3/api-docs.yaml", null);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.text()).contains("/api/v1/customers/{customerId}/products/{productId}/applicant");
        if (Boolean.getBoolean("cardflow.openapi.update")) {
            Files.writeString(COMMITTED, served.text());
        }
        assertThat(Files.exists(COMMITTED)).as("docs/openapi.yaml is committed").isTrue();
        assertThat(served.text())
                .as("docs/openapi.yaml differs from the served document; regenerate it with "
                        + "-Dcardflow.openapi.update=true and commit the result")
                .isEqualTo(Files.readString(COMMITTED));
    }
}
