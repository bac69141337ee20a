package io.cardflow.config;

import java.util.Locale;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A setting that cannot be read (a malformed duration, a number out of range): its name, where it came from and
 * why, in one line, before Spring Boot's own analyzer would spread it over a screen. Values of secrets are not shown.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class BadSettingAnalyzer extends AbstractFailureAnalyzer<BindException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        ConfigurationProperty property = cause.getProperty();
        if (property == null) {
            // Refused by the settings' own checks (CardflowProperties), whose message names the setting.
            String action = "correct it, or remove it to use the default (README.md lists the settings)";
            return new FailureAnalysis(reason(cause) + ": " + action, action, cause);
        }
        String name = property.getName().toString();
        StringBuilder problem = new StringBuilder("The setting ").append(name);
        if (!isSecret(name)) {
            problem.append(" = \"").append(property.getValue()).append('"');
        }
        if (property.getOrigin() != null) {
            problem.append(" (").append(property.getOrigin()).append(')');
        }
        problem.append(" is not valid: ").append(reason(cause));
        String action = "correct it, or remove it to use the default (its environment variable is " + environmentName(name)
                + "; README.md lists the settings)";
        return new FailureAnalysis(problem + ": " + action, action, cause);
    }

    private static boolean isSecret(String name) {
        return name.endsWith("key") || name.contains("password") || name.contains("secret");
    }

    private static String reason(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String environmentName(String name) {
        return name.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
