package io.cardflow.kyc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable list of sanctioned or otherwise watched parties, screened by fuzzy name matching.
 * The file format is described in {@code docs/watchlist.md}.
 */
public final class WatchList {

    private static final Comparator<WatchListHit> BEST_FIRST = Comparator
            .comparing(WatchListHit::exact).reversed()
            .thenComparing(Comparator.comparingDouble(WatchListHit::score).reversed())
            .thenComparing(hit -> hit.entry().reference());

    private final List<WatchListEntry> entries;
    private final List<NormalizedName> normalizedNames;

    private WatchList(Collection<WatchListEntry> entries) {
        this.entries = List.copyOf(entries);
        this.normalizedNames = this.entries.stream().map(entry -> NormalizedName.of(entry.name())).toList();
    }

    public static WatchList of(Collection<WatchListEntry> entries) {
        return new WatchList(entries);
    }

    /** Reads the text format; a malformed line fails with an {@link IllegalArgumentException} naming it. */
    public static WatchList parse(Reader reader) {
        try {
            return of(parseLines(new BufferedReader(reader)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read watch list", e);
        }
    }

    public static WatchList load(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return of(parseLines(new BufferedReader(reader)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read watch list " + path, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    public List<WatchListEntry> entries() {
        return entries;
    }

    /**
     * The entries of {@code type} that {@code name} matches exactly or closely, best first
     * (exact hits, then by descending score).
     */
    public List<WatchListHit> screen(String name, EntryType type, double threshold) {
        NameMatcher.requireValidThreshold(threshold);
        Objects.requireNonNull(type, "type");
        NormalizedName screened = NormalizedName.of(name);
        List<WatchListHit> hits = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            WatchListEntry entry = entries.get(i);
            if (entry.type() != type) {
                continue;
            }
            NormalizedName listed = normalizedNames.get(i);
            if (NameMatcher.isExactMatch(screened, listed)) {
                hits.add(new WatchListHit(entry, 1.0, true));
            } else {
                double score = NameMatcher.similarity(screened, listed);
                if (score >= threshold) {
                    hits.add(new WatchListHit(entry, score, false));
                }
            }
        }
        hits.sort(BEST_FIRST);
        return List.copyOf(hits);
    }

    private static List<WatchListEntry> parseLines(BufferedReader reader) throws IOException {
        List<WatchListEntry> entries = new ArrayList<>();
        Set<String> references = new HashSet<>();
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            // Editors on Windows like to prepend a byte-order mark, which would otherwise corrupt line 1.
            String content = (lineNumber == 1 ? stripByteOrderMark(line) : line).strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            WatchListEntry entry = parseEntry(content, lineNumber);
            if (!references.add(entry.reference())) {
                throw malformed(lineNumber, "duplicate reference '" + entry.reference() + "'");
            }
            entries.add(entry);
        }
        return entries;
    }

    private static WatchListEntry parseEntry(String content, int lineNumber) {
        String[] fields = content.split("\\|", -1);
        if (fields.length != 3) {
            throw malformed(lineNumber, "expected reference|type|name but found " + fields.length + " field(s)");
        }
        String reference = fields[0].strip();
        String type = fields[1].strip();
        String name = fields[2].strip();
        if (reference.isEmpty()) {
            throw malformed(lineNumber, "missing reference");
        }
        if (NormalizedName.of(name).isEmpty()) {
            throw malformed(lineNumber, "name has no letters or digits");
        }
        return new WatchListEntry(reference, name, parseType(type, lineNumber));
    }

    private static EntryType parseType(String type, int lineNumber) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "individual" -> EntryType.INDIVIDUAL;
            case "entity" -> EntryType.ENTITY;
            default -> throw malformed(lineNumber, "type must be 'individual' or 'entity' but was '" + type + "'");
        };
    }

    private static String stripByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static IllegalArgumentException malformed(int lineNumber, String problem) {
        return new IllegalArgumentException("watch list line " + lineNumber + ": " + problem);
    }
}
