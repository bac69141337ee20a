package io.cardflow;

import io.cardflow.config.CardflowProperties;
import io.cardflow.config.DataDirectory;
import io.cardflow.merchant.DemoMerchant;
import io.cardflow.security.AdminKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Once the server answers, one block that a person starting it for the first time can act on: where it listens,
 * where its documentation is, where the keys are, and a first call to copy.
 */
@Component
class ReadyReport {

    private static final Logger log = LoggerFactory.getLogger(ReadyReport.class);

    private final DataDirectory dataDirectory;
    private final CardflowProperties properties;
    private final Environment environment;

    ReadyReport(DataDirectory dataDirectory, CardflowProperties properties, Environment environment) {
        this.dataDirectory = dataDirectory;
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void report(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String url = "http://" + host() + ":" + web.getWebServer().getPort();
        Path demoKey = dataDirectory.file(DemoMerchant.KEY_FILE);
        Path adminKey = dataDirectory.file(AdminKey.FILE_NAME);
        boolean adminKeySet = properties.adminKey() != null && !properties.adminKey().isBlank();
        String operatorKey = adminKeySet ? "set by " + AdminKey.SETTING + " (CARDFLOW_ADMIN_KEY)"
                : Files.exists(adminKey) ? shown(adminKey) : "in the data directory of the node that generated it";
        String firstCall;
        if (Files.exists(demoKey)) {
            firstCall = "curl -H \"Authorization: Bearer $(cat " + shown(demoKey) + ")\" " + url + "/api/v1/balance";
        } else {
            String key = adminKeySet || !Files.exists(adminKey) ? "$CARDFLOW_ADMIN_KEY" : "$(cat " + shown(adminKey) + ")";
            firstCall = "curl -H \"Authorization: Bearer " + key + "\" " + url + "/api/v1/admin/merchants";
        }
        log.info("""
                cardflow is ready at {}
                  API reference:      {}{}
                  Demo merchant key:  {}
                  Operator key:       {}
                  First call:         {}""",
                url, url, environment.getProperty("springdoc.swagger-ui.path", "/swagger-ui.html"),
                Files.exists(demoKey) ? shown(demoKey) : "none (cardflow.demo-merchant=" + properties.demoMerchant().name().toLowerCase(Locale.ROOT)
                        + "; docs/operations.md shows how to create a merchant)",
                operatorKey, firstCall);
    }

    private String host() {
        String address = environment.getProperty("server.address", "");
        return address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "localhost" : address;
    }

    /** Relative to the working directory when inside it (as a person typed it), else absolute. */
    private static String shown(Path file) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        return file.startsWith(workingDirectory) ? workingDirectory.relativize(file).toString() : file.toString();
    }
}
