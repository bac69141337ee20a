package io.cardflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The leak check of error bodies must not trip on a random id that happens to spell a leak word. */
class ProblemsTest {

    @Test
    void blanksGeneratedIdsThatSpellALeakWordByChance() {
        String body = "{\"instance\":\"/api/v1/admin/merchants/mer_Ozmt0to5bGNCSgwG2mdfK5b7/deposits\","
                + "\"requestId\":\"req_xobA0XXmJTJ2j2iISQL7tNqt\"}";

        assertThat(Problems.withoutGeneratedIds(body))
                .isEqualTo("{\"instance\":\"/api/v1/admin/merchants/<id>/deposits\",\"requestId\":\"<id>\"}")
                .doesNotContain("SQL");
    }

    @Test
    void keepsEverythingElseSoARealLeakIsStillSeen() {
        String body = "{\"detail\":\"SQL [insert into topups] failed\",\"requestId\":\"req_xobA0XXmJTJ2j2iISQL7tNqt\"}";

        assertThat(Problems.withoutGeneratedIds(body)).contains("SQL [insert into topups]").doesNotContain("req_");
    }
}
