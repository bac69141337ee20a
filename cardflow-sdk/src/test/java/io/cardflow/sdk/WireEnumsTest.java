package io.cardflow.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.sdk.model.ControlsMode;
import io.cardflow.sdk.model.DecisionSource;
import io.cardflow.sdk.model.DeclineCode;
import io.cardflow.sdk.model.SpendingInterval;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SDK's enums of the transactions API name exactly the values the server's OpenAPI document lists for the fields
 * they read, so that no decline code or interval of this server reads as {@code UNKNOWN}.
 */
class WireEnumsTest {

    private static final Path OPENAPI = Path.of("..", "docs", "openapi.yaml");

    static Stream<Arguments> fields() {
        return Stream.of(
                Arguments.of("declineCode", DeclineCode.class),
                Arguments.of("shadowDeclineCode", DeclineCode.class),
                Arguments.of("decisionSource", DecisionSource.class),
                Arguments.of("interval", SpendingInterval.class),
                Arguments.of("mode", ControlsMode.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void theSdkKnowsEveryValueTheServerDocuments(String field, Class<? extends Enum<?>> sdkEnum) throws IOException {
        var documented = documentedValues(Files.readAllLines(OPENAPI), field);
        var known = Arrays.stream(sdkEnum.getEnumConstants()).map(constant -> constant.name().toLowerCase(Locale.ROOT))
                .filter(name -> !name.equals("unknown")).collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented).as(field + " in " + OPENAPI).isNotEmpty().isEqualTo(known);
    }

    /** The values under {@code enum:} of every property named {@code field}, however often the document has one. */
    private static Set<String> documentedValues(List<String> lines, String field) {
        var values = new TreeSet<String>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals(field + ":")) {
                continue;
            }
            var indent = indentOf(lines.get(i));
            for (int j = i + 1; j < lines.size() && indentOf(lines.get(j)) > indent; j++) {
                if (lines.get(j).strip().equals("enum:")) {
                    for (int k = j + 1; k < lines.size() && lines.get(k).strip().startsWith("- "); k++) {
                        values.add(lines.get(k).strip().substring(2));
                    }
                }
            }
        }
        return values;
    }

    private static int indentOf(String line) {
        return line.length() - line.stripLeading().length();
    }
}
