package io.cardflow.kyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WatchListTest {

    private static final double THRESHOLD = NameMatcher.DEFAULT_THRESHOLD;

    private static final WatchList LIST = parse("""
            # test list
            WL-1|individual|Viktor Petrov
            WL-2|individual|Viktor Petrova
            WL-3|entity|Oceanic Shell Holdings Ltd
            WL-4|entity|Viktor Petrov
            """);

    @Test
    void parsesEntriesSkippingCommentsAndBlankLinesAndTrimming() {
        WatchList list = parse("""
                \uFEFF# comment with a | pipe

                   # indented comment
                  A-1 | individual |  José García \t
                B-2|ENTITY|Acme Holdings Ltd
                """);

        assertThat(list.entries()).containsExactly(
                new WatchListEntry("A-1", "José García", EntryType.INDIVIDUAL),
                new WatchListEntry("B-2", "Acme Holdings Ltd", EntryType.ENTITY));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "X-9|individual",
            "X-9|individual|Viktor|Petrov",
            "|individual|Viktor Petrov",
            "X-9|person|Viktor Petrov",
            "X-9|individual|  ",
            "X-9|individual|---",
            "WL-0|individual|Duplicate Reference"})
    void malformedLineFailsNamingItsLineNumber(String badLine) {
        String text = "# header\nWL-0|individual|Someone Else\n\n" + badLine + "\n";

        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse(text))
                .withMessageStartingWith("watch list line 4:");
    }

    @Test
    void loadReadsUtf8File(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("list.txt");
        Files.writeString(file, "R-1|individual|Łukasz Đorđević\n", StandardCharsets.UTF_8);

        WatchList list = WatchList.load(file);

        assertThat(list.screen("Lukasz Dordevic", EntryType.INDIVIDUAL, THRESHOLD))
                .singleElement().satisfies(hit -> assertThat(hit.exact()).isTrue());
    }

    @Test
    void loadNamesTheFileWhenALineIsMalformed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("list.txt");
        Files.writeString(file, "R-1|individual|Someone\nbroken\n", StandardCharsets.UTF_8);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> WatchList.load(file))
                .withMessageContaining(file.toString())
                .withMessageContaining("line 2");
    }

    @Test
    void loadFailsWithThePathWhenTheFileCannotBeRead(@TempDir Path dir) {
        Path missing = dir.resolve("missing.txt");

        assertThatThrownBy(() -> WatchList.load(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void screenFindsExactMatchRegardlessOfOrderAndAccents() {
        List<WatchListHit> hits = LIST.screen("PETROV, Víktor", EntryType.INDIVIDUAL, THRESHOLD);

        assertThat(hits.getFirst()).isEqualTo(new WatchListHit(LIST.entries().get(0), 1.0, true));
    }

    @Test
    void screenRanksExactHitsBeforeCloseHits() {
        List<WatchListHit> hits = LIST.screen("Viktor Petrov", EntryType.INDIVIDUAL, THRESHOLD);

        assertThat(hits).extracting(hit -> hit.entry().reference(), WatchListHit::exact)
                .containsExactly(
                        tuple("WL-1", true),
                        tuple("WL-2", false));
    }

    @Test
    void screenOrdersCloseHitsByDescendingScore() {
        List<WatchListHit> hits = LIST.screen("Victor Petrov", EntryType.INDIVIDUAL, THRESHOLD);

        assertThat(hits).extracting(hit -> hit.entry().reference()).containsExactly("WL-1", "WL-2");
        assertThat(hits).noneMatch(WatchListHit::exact);
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
    }

    @Test
    void screenFindsNothingForUnrelatedName() {
        assertThat(LIST.screen("Jane Doe", EntryType.INDIVIDUAL, THRESHOLD)).isEmpty();
    }

    @Test
    void screenHonoursTheThreshold() {
        assertThat(LIST.screen("Victor Petrov", EntryType.INDIVIDUAL, 0.999)).isEmpty();
    }

    @Test
    void individualsAndEntitiesAreScreenedSeparately() {
        assertThat(LIST.screen("Oceanic Shell Holdings Ltd", EntryType.INDIVIDUAL, THRESHOLD)).isEmpty();
        assertThat(LIST.screen("Oceanic Shell Holdings Ltd", EntryType.ENTITY, THRESHOLD))
                .extracting(hit -> hit.entry().reference()).containsExactly("WL-3");
        assertThat(LIST.screen("Viktor Petrov", EntryType.ENTITY, THRESHOLD))
                .extracting(hit -> hit.entry().reference()).containsExactly("WL-4");
    }

    @Test
    void shippedSampleListLoadsFromTheClasspath() throws IOException {
        WatchList sample;
        try (InputStream in = getClass().getResourceAsStream("/watchlist/sample-watchlist.txt")) {
            assertThat(in).as("sample watch list on the classpath").isNotNull();
            sample = WatchList.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        }

        assertThat(sample.entries()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(sample.screen("Viktor Petrov", EntryType.INDIVIDUAL, THRESHOLD)).anyMatch(WatchListHit::exact);
        assertThat(sample.screen("Ivana Kovacs", EntryType.INDIVIDUAL, THRESHOLD)).anyMatch(WatchListHit::exact);
        assertThat(sample.screen("Oceanic Shell Holdings Ltd", EntryType.ENTITY, THRESHOLD))
                .anyMatch(WatchListHit::exact);
        assertThat(sample.screen("Jane Doe", EntryType.INDIVIDUAL, THRESHOLD)).isEmpty();
    }

    private static WatchList parse(String text) {
        return WatchList.parse(new StringReader(text));
    }
}
