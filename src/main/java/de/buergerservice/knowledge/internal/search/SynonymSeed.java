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
 * A starting list of synonyms in {@code knowledge/synonyms-de.txt}: how callers say it on the phone → how the
 * descriptions call it ("Perso → Personalausweis"). Seeded into the demo tenants; editors maintain their own.
 * Format: {@code term => expansion, expansion}; {@code #} starts a comment.
 */
public final class SynonymSeed {

    static final String RESOURCE = "/knowledge/synonyms-de.txt";

    private SynonymSeed() {}

    static List<SearchSynonym> load() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(SynonymSeed.class.getResourceAsStream(RESOURCE)), StandardCharsets.UTF_8))) {
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
