package de.buergerservice.knowledge.internal.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Finds the words of the index a misspelt word was meant to be: terms of a field within one edit (two for words
 * of eight letters or more), where swapping two neighbouring letters counts as one edit and the first letter is
 * taken as typed — the rules Lucene's {@code FuzzyQuery} applies, without building a Levenshtein automaton for
 * every query (that build was an eighth of the search time).
 *
 * <p>It is meant for small vocabularies: titles and keywords. Each index segment's terms are read once, grouped
 * by first letter, and kept until the segment is closed (segments never change).
 */
final class TypoCorrector {

    /** At most this many corrections per word and field, the closest (then the most frequent) first. */
    static final int MAX_CORRECTIONS = 20;

    private final Map<IndexReader.CacheKey, Map<String, Vocabulary>> segments = new ConcurrentHashMap<>();

    /** A term of the index the typed word is close to, with its distance and document frequency. */
    record Correction(String term, int edits, int docFreq) {

        /** Similarity as {@code FuzzyQuery} scores it: 1 for the word itself, less for every edit. */
        float similarity(String word) {
            return 1f - (float) edits / Math.min(term.length(), word.length());
        }
    }

    static int maxEdits(String word) {
        return word.length() >= 8 ? 2 : 1;
    }

    /** Terms of {@code field} within the allowed edits of {@code word} (never the word itself). */
    List<Correction> corrections(IndexReader reader, String field, String word) throws IOException {
        int maxEdits = maxEdits(word);
        Map<String, Integer> distances = new LinkedHashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            for (String candidate : vocabulary(leaf.reader(), field).startingWith(word.charAt(0))) {
                if (Math.abs(candidate.length() - word.length()) <= maxEdits && !distances.containsKey(candidate)) {
                    int edits = distance(word, candidate, maxEdits);
                    if (edits > 0 && edits <= maxEdits) {
                        distances.put(candidate, edits);
                    }
                }
            }
        }
        List<Correction> corrections = new ArrayList<>(distances.size());
        for (Map.Entry<String, Integer> entry : distances.entrySet()) {
            corrections.add(
                    new Correction(entry.getKey(), entry.getValue(), reader.docFreq(new Term(field, entry.getKey()))));
        }
        corrections.sort(Comparator.comparingInt(Correction::edits)
                .thenComparing(Comparator.comparingInt(Correction::docFreq).reversed())
                .thenComparing(Correction::term));
        return corrections.size() > MAX_CORRECTIONS ? corrections.subList(0, MAX_CORRECTIONS) : corrections;
    }

    private Vocabulary vocabulary(LeafReader leaf, String field) throws IOException {
        IndexReader.CacheHelper cache = leaf.getCoreCacheHelper();
        if (cache == null) {
            return Vocabulary.read(leaf, field);
        }
        Map<String, Vocabulary> fields = segments.computeIfAbsent(cache.getKey(), key -> {
            cache.addClosedListener(segments::remove);
            return new ConcurrentHashMap<>();
        });
        Vocabulary known = fields.get(field);
        if (known == null) {
            known = Vocabulary.read(leaf, field);
            fields.put(field, known);
        }
        return known;
    }

    /**
     * Optimal string alignment distance (Levenshtein plus the swap of two neighbours), or {@code max + 1} as soon
     * as it must exceed {@code max}.
     */
    static int distance(String a, String b, int max) {
        int[] before = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, before[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }
        return Math.min(previous[b.length()], max + 1);
    }

    /** One segment's terms of one field, by first letter. */
    private record Vocabulary(Map<Character, List<String>> byFirstLetter) {

        static Vocabulary read(LeafReader leaf, String field) throws IOException {
            Map<Character, List<String>> words = new HashMap<>();
            Terms terms = leaf.terms(field);
            if (terms != null) {
                TermsEnum each = terms.iterator();
                for (BytesRef term = each.next(); term != null; term = each.next()) {
                    String word = term.utf8ToString();
                    if (!word.isEmpty()) {
                        words.computeIfAbsent(word.charAt(0), c -> new ArrayList<>())
                                .add(word);
                    }
                }
            }
            return new Vocabulary(words);
        }

        List<String> startingWith(char first) {
            return byFirstLetter.getOrDefault(first, List.of());
        }
    }
}
