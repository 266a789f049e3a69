package de.buergerservice.knowledge.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * A query as the index sees it: one group per word the caller typed — the analysed word and its compound parts —
 * plus groups for the tenant's synonyms of words in the query.
 */
record QueryTerms(List<Group> groups) {

    /** At most this many groups: a query is a few words, not a pasted letter (and Lucene limits clauses). */
    static final int MAX_GROUPS = 24;

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** One word: its analysed form, its compound parts, and how much it counts (synonyms count a bit less). */
    record Group(String word, List<String> parts, float weight, boolean fromSynonym, boolean unknown) {

        Group(String word, List<String> parts, float weight, boolean fromSynonym) {
            this(word, parts, weight, fromSynonym, false);
        }

        /** The index knows the word nowhere: most likely a typo, to be matched fuzzily. */
        Group asUnknown() {
            return new Group(word, parts, weight, fromSynonym, true);
        }
    }

    static QueryTerms of(Analyzer analyzer, String query, List<SearchSynonym> synonyms) {
        List<Group> groups = new ArrayList<>(analyze(analyzer, query, 1f, false));
        String folded = " " + fold(query) + " ";
        for (SearchSynonym synonym : synonyms) {
            if (folded.contains(synonym.folded())) {
                for (String expansion : synonym.expansions()) {
                    groups.addAll(analyze(analyzer, expansion, 0.9f, true));
                }
            }
        }
        return new QueryTerms(groups.size() > MAX_GROUPS ? groups.subList(0, MAX_GROUPS) : groups);
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    /** Lower case, umlauts transcribed, every run of non-letters one space: how synonyms are matched. */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.GERMAN)
                .replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("ß", "ss");
        return NON_WORD.matcher(lower).replaceAll(" ").strip();
    }

    private static List<Group> analyze(Analyzer analyzer, String text, float weight, boolean fromSynonym) {
        List<Group> groups = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(ServiceDocuments.BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute position = stream.addAttribute(PositionIncrementAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            String word = null;
            List<String> parts = new ArrayList<>();
            while (stream.incrementToken()) {
                if (position.getPositionIncrement() > 0 || word == null) {
                    if (word != null) {
                        groups.add(new Group(word, List.copyOf(parts), weight, fromSynonym));
                    }
                    word = term.toString();
                    parts.clear();
                } else if (CompoundSplitFilter.PART.equals(type.type())) {
                    parts.add(term.toString());
                }
            }
            if (word != null) {
                groups.add(new Group(word, List.copyOf(parts), weight, fromSynonym));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return groups;
    }
}
