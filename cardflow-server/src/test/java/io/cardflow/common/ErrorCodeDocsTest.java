package io.cardflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** docs/api.md explains every error code by hand; the OpenAPI document lists them from {@link ErrorCode} itself. */
class ErrorCodeDocsTest {

    @Test
    void everyErrorCodeIsInTheApiDocsTable() throws IOException {
        String apiDocs = Files.readString(Path.of("..", "docs", "api.md"));
        assertThat(Arrays.stream(ErrorCode.values()).map(code -> "`" + code.code() + "`"))
                .allSatisfy(code -> assertThat(apiDocs).contains(code));
    }
}
