package de.buergerservice.knowledge.internal.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Starting lists of synonyms: how callers say it on the phone → how the descriptions call it ("Perso →
 * Personalausweis"). {@code knowledge/synonyms-de.txt} holds general German vocabulary, seeded as the demo's
 * ServiceCenter-wide list; {@code knowledge/synonyms-muenchen.txt} the words only Munich's callers use, for a Munich
 * municipality's own list. Format: {@code term => expansion, expansion}; {@code #} starts a comment.
 */
public final class SynonymSeed {

    static final String RESOURCE = "/knowledge/synonyms-de.txt";
    static final String MUNICH = "/knowledge/synonyms-muenchen.txt";

    private SynonymSeed() {}

    /** Everything a Munich municipality starts with: the general list and Munich's own words. */
    static List<SearchSynonym> load() {
        List<SearchSynonym> all = new ArrayList<>(general());
        all.addAll(read(MUNICH));
        return all;
    }

    /** General German call-centre vocabulary: the ServiceCenter-wide starting list. */
    static List<SearchSynonym> general() {
        return read(RESOURCE);
    }

    private static List<SearchSynonym> read(String resource) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(SynonymSeed.class.getResourceAsStream(resource)), StandardCharsets.UTF_8))) {
            List<SearchSynonym> synonyms = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                int comment = line.indexOf('#');
                String entry = (comment < 0 ? line : line.substring(0, comment)).strip();
                int arrow = entry.indexOf("=>");
                if (arrow > 0) {
                    synonyms.add(new SearchSynonym(
                            entry.substring(0, arrow).strip(),
                            Arrays.stream(entry.substring(arrow + 2).split(","))
                                    .map(String::strip)
                                    .filter(s -> !s.isEmpty())
                                    .toList()));
                }
            }
            return synonyms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
