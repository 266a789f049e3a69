package de.buergerservice.knowledge.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeHit;

/**
 * The general thesaurus: which of its words are used and how much they count. The file here is written by the
 * test in OpenThesaurus's format (the real one is read from the Debian package by the product and by
 * {@link RelevanceTests}).
 */
class ThesaurusTests {

    static final UUID TENANT = UUID.randomUUID();

    static final String FILE = """
            # OpenThesaurus format: one synset per line
            Personalausweis;Perso (ugs.);Lichtbildausweis
            Führerschein;Lappen (ugs.);Fahrerlaubnis;Fleppe (derb)
            weg;fort
            weg;verloren
            weg;Pfad
            weg;Möglichkeit
            Angelegenheit;Sache;Ding;Thema;Frage;Fall;Punkt;Problem;Anliegen;Umstand;Aufgabe;Issue;Causa
            öffentliche Hand;Staat
            """;

    static Thesaurus thesaurus(Path dir) throws IOException {
        Path file = dir.resolve("openthesaurus.txt");
        Files.writeString(file, FILE, StandardCharsets.UTF_8);
        return Thesaurus.load(file);
    }

    @Test
    void givenSynset_thenItsOtherSingleWordsInTheIndexFormWithoutNotes(@TempDir Path dir) throws IOException {
        Thesaurus thesaurus = thesaurus(dir);

        assertThat(thesaurus.expansions("perso")).containsExactly("personalausweis", "lichtbildausweis");
        assertThat(thesaurus.expansions("lapp")).containsExactly("fuhrerschein", "fahrerlaubnis");
        assertThat(thesaurus.expansions("personalausweis")).containsExactly("perso", "lichtbildausweis");
    }

    @Test
    void givenNoisyEntries_thenLeftOut(@TempDir Path dir) throws IOException {
        Thesaurus thesaurus = thesaurus(dir);

        assertThat(thesaurus.expansions("flepp")).as("vulgar").isEmpty();
        assertThat(thesaurus.expansions("weg")).as("four senses: too ambiguous").isEmpty();
        assertThat(thesaurus.expansions("fort")).as("one sense").containsExactly("weg");
        assertThat(thesaurus.expansions("anlieg"))
                .as("synset of 13 words: too loose")
                .isEmpty();
        assertThat(thesaurus.expansions("staat"))
                .as("the phrase is no single word")
                .isEmpty();
    }

    @Test
    void givenNoFile_thenEmptyAndTheSearchWorksWithoutIt(@TempDir Path dir) throws IOException {
        Thesaurus absent = Thesaurus.load(dir.resolve("missing.txt"));

        assertThat(absent.size()).isZero();
        try (SearchIndex index = catalogue(dir.resolve("index"))) {
            assertThat(titles(index, new ServiceSearchEngine(new GermanServiceAnalyzer(), absent), "Ausweis"))
                    .contains("Personalausweis beantragen");
        }
    }

    @Test
    void givenWordTheCatalogueDoesNotUse_thenTheThesaurusFindsTheService(@TempDir Path dir) throws IOException {
        try (SearchIndex index = catalogue(dir.resolve("index"))) {
            ServiceSearchEngine with = new ServiceSearchEngine(new GermanServiceAnalyzer(), thesaurus(dir));
            ServiceSearchEngine without = new ServiceSearchEngine(new GermanServiceAnalyzer(), Thesaurus.empty());

            assertThat(titles(index, with, "Lappen")).containsExactly("Führerschein abgeben");
            assertThat(titles(index, without, "Lappen")).isEmpty();
            assertThat(titles(index, with, "Lappen abgeben")).startsWith("Führerschein abgeben");
        }
    }

    @Test
    void givenTypedWordInTheCatalogue_thenItOutranksTheThesaurusWord(@TempDir Path dir) throws IOException {
        try (SearchIndex index = catalogue(dir.resolve("index"))) {
            ServiceSearchEngine engine = new ServiceSearchEngine(new GermanServiceAnalyzer(), thesaurus(dir));

            // "Lichtbildausweis" is in the thesaurus with "Personalausweis"; the service named by it comes first
            assertThat(titles(index, engine, "Lichtbildausweis"))
                    .containsExactly("Lichtbildausweis für Vereinsmitglieder", "Personalausweis beantragen");
        }
    }

    @Test
    void givenThesaurusWordTheCatalogueNamesNothingBy_thenNotSearched(@TempDir Path dir) throws IOException {
        try (SearchIndex index = catalogue(dir.resolve("index"))) {
            ServiceSearchEngine engine = new ServiceSearchEngine(new GermanServiceAnalyzer(), thesaurus(dir));

            // "fort" → "weg": only in a text, not in a title or keyword, so not used
            assertThat(titles(index, engine, "fort")).isEmpty();
        }
    }

    static SearchIndex catalogue(Path dir) throws IOException {
        SearchIndex index = SearchIndex.open(dir, new GermanServiceAnalyzer());
        index.add(service("Personalausweis beantragen", "Den Ausweis beantragen Sie im Bürgerbüro."));
        index.add(service("Lichtbildausweis für Vereinsmitglieder", "Für Mitglieder des Vereins."));
        index.add(service("Führerschein abgeben", "Sie geben die Fahrerlaubnis freiwillig ab."));
        index.add(service("Müll abgeben", "Den Weg zum Wertstoffhof finden Sie online."));
        index.refresh();
        return index;
    }

    static IndexedService service(String title, String body) {
        return new IndexedService(
                UUID.randomUUID(), TENANT, null, null, title, List.of(), null, body, List.of(), true, null);
    }

    static List<String> titles(SearchIndex index, ServiceSearchEngine engine, String query) throws IOException {
        return index
                .search(searcher -> engine.search(searcher, TENANT, query, 5, Audience.PUBLIC, List.of()))
                .hits()
                .stream()
                .map(KnowledgeHit::title)
                .toList();
    }
}
