package de.buergerservice.knowledge.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeHit;

/**
 * Relevance, measured: citizen phrasings (colloquial, misspelt, compound and split forms, questions) against the
 * real Munich catalogue, each with the service(s) a good answer names. Two sets: the tuning set
 * ({@value #TUNING}), written with the synonym list in view, and the held-out set ({@value #HELD_OUT}), written
 * from the catalogue's titles alone and never tuned on. Reports hit@1 and hit@3 of the product's search and of
 * plain Lucene (StandardAnalyzer, same fields and weights) as the baseline on both; fails below hit@3 =
 * {@value #REQUIRED_HIT_AT_3} on the tuning set and {@value #REQUIRED_HELD_OUT_HIT_AT_3} on the held-out set.
 * Misses are printed for the tuning set only: looking at the held-out set's misses would make it a second
 * tuning set.
 */
class RelevanceTests {

    static final double REQUIRED_HIT_AT_3 = 0.85;
    /**
     * A floor against regressions just below what the product reaches (0.742), not the 0.90 issue 10 asks for:
     * the general means tried so far do not reach that, and raising the floor by rules written for the held-out
     * phrasings would make the set worthless (see docs/benchmarks.md). Raise it as general improvements land.
     */
    static final double REQUIRED_HELD_OUT_HIT_AT_3 = 0.72;

    static final String TUNING = "/knowledge/relevance-muenchen.csv";
    static final String HELD_OUT = "/knowledge/relevance-heldout-muenchen.csv";
    static final UUID MUNICH = UUID.nameUUIDFromBytes("muenchen".getBytes(StandardCharsets.UTF_8));

    record Phrasing(String query, Set<String> expectedIds, String kind) {}

    record Score(int hitAt1, int hitAt3, int total) {

        double at1() {
            return (double) hitAt1 / total;
        }

        double at3() {
            return (double) hitAt3 / total;
        }

        @Override
        public String toString() {
            return "hit@1 = %.3f (%d/%d), hit@3 = %.3f (%d/%d)".formatted(at1(), hitAt1, total, at3(), hitAt3, total);
        }
    }

    static List<IndexedService> catalogue;
    static List<Phrasing> phrasings;
    static List<Phrasing> heldOut;

    @BeforeAll
    static void load() throws IOException {
        Assumptions.assumeTrue(
                MunichCatalogue.present(),
                () -> MunichCatalogue.FILE.toAbsolutePath() + " absent, relevance test skipped");
        catalogue = MunichCatalogue.load(MUNICH);
        phrasings = phrasings();
        heldOut = phrasings(HELD_OUT);
    }

    /** The tuning set. */
    static List<Phrasing> phrasings() throws IOException {
        return phrasings(TUNING);
    }

    static List<Phrasing> phrasings(String resource) throws IOException {
        try (Reader in = new InputStreamReader(
                Objects.requireNonNull(RelevanceTests.class.getResourceAsStream(resource), resource),
                StandardCharsets.UTF_8)) {
            List<Phrasing> result = new ArrayList<>();
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                result.add(new Phrasing(
                        row.get("query"), Set.of(row.get("expected_ids").split("\\|")), row.get("kind")));
            }
            return result;
        }
    }

    @Test
    void productSearchFindsTheRightServiceAmongTheFirstThree(@TempDir Path dir) throws IOException {
        Thesaurus thesaurus = RelevanceTests.thesaurus();
        List<SearchSynonym> synonyms = SynonymSeed.load();
        boolean analysisMisses = Boolean.getBoolean("relevance.analysisMisses");
        Map<String, Score[]> scores = new java.util.LinkedHashMap<>();
        try (SearchIndex index = SearchIndex.open(dir, new GermanServiceAnalyzer())) {
            for (IndexedService service : catalogue) {
                index.add(service);
            }
            index.refresh();
            ServiceSearchEngine product = new ServiceSearchEngine(new GermanServiceAnalyzer(), thesaurus);
            ServiceSearchEngine noThesaurus = new ServiceSearchEngine(new GermanServiceAnalyzer(), Thesaurus.empty());
            scores.put("product (German analysis + thesaurus + seed synonyms)", new Score[] {
                score(index, product, phrasings, synonyms, true), score(index, product, heldOut, synonyms, false)
            });
            scores.put("without seed synonyms (German analysis + thesaurus)", new Score[] {
                score(index, product, phrasings, List.of(), false), score(index, product, heldOut, List.of(), false)
            });
            scores.put("without thesaurus (German analysis + seed synonyms)", new Score[] {
                score(index, noThesaurus, phrasings, synonyms, false),
                score(index, noThesaurus, heldOut, synonyms, false)
            });
            scores.put("German analysis only", new Score[] {
                score(index, noThesaurus, phrasings, List.of(), analysisMisses),
                score(index, noThesaurus, heldOut, List.of(), false)
            });
        }
        System.out.printf(
                "RELEVANCE %d services; tuning set %d phrasings, held-out set %d phrasings (thesaurus: %d words)%n",
                catalogue.size(), phrasings.size(), heldOut.size(), thesaurus.size());
        scores.forEach(
                (name, score) -> System.out.printf("  %-55s tuning %s | held-out %s%n", name, score[0], score[1]));
        Score[] product = scores.values().iterator().next();
        assertThat(product[0].at3())
                .as("hit@3 of the product search, tuning set")
                .isGreaterThanOrEqualTo(REQUIRED_HIT_AT_3);
        assertThat(product[1].at3())
                .as("hit@3 of the product search, held-out set")
                .isGreaterThanOrEqualTo(REQUIRED_HELD_OUT_HIT_AT_3);
    }

    /**
     * The thesaurus the product reads by default. It is a Debian package ({@code openthesaurus-de-text}, installed
     * by {@code .ci/run}): without it the relevance figures are not the product's, so the test skips — except in
     * CI, where it must be there.
     */
    static Thesaurus thesaurus() {
        Path file = Path.of(Thesaurus.DEBIAN_FILE);
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(
                    java.nio.file.Files.isReadable(file),
                    () -> file + " absent (apt-get install openthesaurus-de-text), relevance test skipped");
        }
        Thesaurus thesaurus = Thesaurus.load(file);
        assertThat(thesaurus.size()).as("words of the thesaurus " + file).isPositive();
        return thesaurus;
    }

    /** hit@1 and hit@3 of {@code set}; misses are listed only where asked (never for the held-out set). */
    Score score(
            SearchIndex index,
            ServiceSearchEngine engine,
            List<Phrasing> set,
            List<SearchSynonym> synonyms,
            boolean printMisses)
            throws IOException {
        IndexSearcher searcher = index.acquire();
        try {
            int at1 = 0;
            int at3 = 0;
            for (Phrasing p : set) {
                List<String> ids =
                        engine.search(searcher, MUNICH, p.query(), 3, Audience.PUBLIC, synonyms).hits().stream()
                                .map(KnowledgeHit::externalId)
                                .toList();
                at1 += !ids.isEmpty() && p.expectedIds().contains(ids.get(0)) ? 1 : 0;
                boolean found = ids.stream().anyMatch(p.expectedIds()::contains);
                at3 += found ? 1 : 0;
                if (!found && printMisses) {
                    System.out.printf(
                            "  MISS [%s] %s → %s (expected %s)%n",
                            p.kind(), p.query(), titles(ids), titles(List.copyOf(p.expectedIds())));
                }
            }
            return new Score(at1, at3, set.size());
        } finally {
            index.release(searcher);
        }
    }

    @Test
    void baselineStandardAnalyzer() throws IOException, ParseException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
                StandardAnalyzer analyzer = new StandardAnalyzer()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (IndexedService s : catalogue) {
                    Document doc = new Document();
                    doc.add(new StringField("id", s.externalId(), Field.Store.YES));
                    doc.add(new TextField("title", s.title(), Field.Store.NO));
                    doc.add(new TextField("synonyms", String.join(", ", s.synonyms()), Field.Store.NO));
                    doc.add(new TextField("body", s.body(), Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(dir));
            MultiFieldQueryParser parser = new MultiFieldQueryParser(
                    new String[] {"title", "synonyms", "body"},
                    analyzer,
                    Map.of("title", 4f, "synonyms", 3f, "body", 1f));
            System.out.printf(
                    "RELEVANCE baseline (plain Lucene StandardAnalyzer): tuning set %s; held-out set %s%n",
                    baseline(searcher, parser, phrasings), baseline(searcher, parser, heldOut));
        }
    }

    private static Score baseline(IndexSearcher searcher, MultiFieldQueryParser parser, List<Phrasing> set)
            throws IOException, ParseException {
        int at1 = 0;
        int at3 = 0;
        for (Phrasing p : set) {
            ScoreDoc[] top = searcher.search(parser.parse(QueryParserBase.escape(p.query())), 3).scoreDocs;
            List<String> ids = new ArrayList<>();
            for (ScoreDoc hit : top) {
                ids.add(searcher.storedFields().document(hit.doc).get("id"));
            }
            at1 += !ids.isEmpty() && p.expectedIds().contains(ids.get(0)) ? 1 : 0;
            at3 += ids.stream().anyMatch(p.expectedIds()::contains) ? 1 : 0;
        }
        return new Score(at1, at3, set.size());
    }

    static String titles(List<String> externalIds) {
        Map<String, String> byId =
                catalogue.stream().collect(Collectors.toMap(IndexedService::externalId, IndexedService::title));
        return externalIds.stream()
                .map(id -> byId.getOrDefault(id, "?" + id))
                .collect(Collectors.joining(" | ", "[", "]"));
    }
}
