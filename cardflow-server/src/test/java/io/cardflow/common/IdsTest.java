package io.cardflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    @Test
    void newIdHasPrefixAndTwentyFourBase62Characters() {
        String id = Ids.newId("cus");
        assertThat(id).startsWith("cus_").hasSize(28);
        assertThat(id.substring(4)).matches("[0-9A-Za-z]{24}");
    }

    @Test
    void randomTokenHasRequestedLengthAndAlphabet() {
        assertThat(Ids.randomToken(40)).matches("[0-9A-Za-z]{40}");
        assertThat(Ids.randomToken(0)).isEmpty();
    }

    @Test
    void tenThousandIdsAreDistinctAndUseTheWholeAlphabet() {
        Set<String> ids = new HashSet<>();
        Set<Character> seen = new HashSet<>();
        IntStream.range(0, 10_000).mapToObj(i -> Ids.newId("card")).forEach(id -> {
            ids.add(id);
            id.substring(5).chars().forEach(c -> seen.add((char) c));
        });
        assertThat(ids).hasSize(10_000);
        assertThat(seen).as("all 62 characters occur, so ids are not limited to a smaller alphabet").hasSize(62);
    }

    @Test
    void looksLikeAcceptsWhatNewIdMakes() {
        assertThat(Ids.looksLike("app", Ids.newId("app"))).isTrue();
        assertThat(Ids.looksLike("app", "app_" + "a".repeat(24))).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "app_", "app_abc", "cus_AAAAAAAAAAAAAAAAAAAAAAAA", "appxAAAAAAAAAAAAAAAAAAAAAAAA",
            "app_AAAAAAAAAAAAAAAAAAAAAAA", "app_AAAAAAAAAAAAAAAAAAAAAAAAA", "app_AAAAAAAAAAAAAAAAAAAAAAA-",
            "app_AAAAAAAAAAAAAAAAAAAAAAA_", "app_AAAAAAAAAAAAAAAAAAAAAAAé", "app_AAAAAAAAAAAAAAAAAAAAAAA١",
            "app_AAAAAAAAAAAAAAAAAAAAAA' ", "app_AAAAAAAAAAAAAAAAAAAAAAA%"})
    void looksLikeRefusesAnythingElse(String id) {
        assertThat(Ids.looksLike("app", id)).isFalse();
    }
}
