package io.cardflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AuditCsvTest {

    @Test
    void cellsAreQuotedWithTheirQuotesDoubled() {
        assertThat(AuditCsv.cell("plain")).isEqualTo("\"plain\"");
        assertThat(AuditCsv.cell("say \"hi\", then\r\nleave")).isEqualTo("\"say \"\"hi\"\", then\r\nleave\"");
        assertThat(AuditCsv.cell(null)).isEqualTo("\"\"");
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreDefused() {
        for (String formula : new String[] {"=1+2", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"}) {
            assertThat(AuditCsv.cell(formula)).as(formula).isEqualTo("\"'" + formula + "\"");
        }
        assertThat(AuditCsv.cell("a=1")).isEqualTo("\"a=1\"");
    }

    @Test
    void aRowHasEveryColumnOfTheHeaderAndEndsWithCrLf() {
        AuditEntry entry = new AuditEntry("aud_1", Instant.parse("2026-03-01T08:00:00Z"), "unknown", "=cmd|' /C calc'!A0",
                null, AuditAction.LOGIN_FAILED, null, null, "203.0.113.7",
                JsonMapper.builder().build().readTree("{\"reason\":\"unknown_email\"}"));

        assertThat(AuditCsv.row(entry)).isEqualTo("\"aud_1\",\"2026-03-01T08:00:00Z\",\"unknown\",\"'=cmd|' /C calc'!A0\",\"\","
                + "\"login_failed\",\"\",\"\",\"203.0.113.7\",\"{\"\"reason\"\":\"\"unknown_email\"\"}\"\r\n");
        assertThat(AuditCsv.HEADER.split(",")).hasSize(10);
    }
}
