package de.buergerservice.knowledge.internal.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.springframework.web.util.HtmlUtils;

/**
 * The best sentence of each hit's text with the query's words marked ({@code <mark>}), HTML-escaped.
 *
 * <p>Where the words are comes from the index (postings with offsets), not from analysing the text again; sentences
 * are scored as Lucene's {@link PassageScorer} scores passages (BM25 over the sentence, earlier sentences slightly
 * preferred). It does what Lucene's {@code UnifiedHighlighter} did here, for a fraction of the cost: each term's
 * postings are opened once per search and walked through the hits in document order (the highlighter looked every
 * term up again for every hit), and sentence ends are found by a plain scan instead of a rule-based break iterator.
 * Together they had been a third of the search time.
 */
final class Snippets {

    private static final PassageScorer SCORER = new PassageScorer();
    /** Abbreviations of service descriptions after which a capital does not begin a sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "abs", "bzw", "ca", "evtl", "ggf", "inkl", "nr", "str", "tel", "vgl", "zzgl", "gem", "max", "min", "mind",
            "art", "dr", "hr", "fr");

    private Snippets() {}

    /**
     * Snippets of {@code field} for the documents of {@code texts} (top-level doc id → the field's text, possibly
     * cut short); documents where no term of {@code terms} occurs in the text get none.
     */
    static Map<Integer, String> of(
            IndexReader reader, TermLookup lookup, String field, Collection<Term> terms, Map<Integer, String> texts)
            throws IOException {
        Map<Integer, List<Match>> matches = matches(reader, lookup, field, terms, texts);
        Map<Integer, String> snippets = new HashMap<>();
        matches.forEach((doc, found) -> snippets.put(doc, best(texts.get(doc), found)));
        return snippets;
    }

    /** An occurrence of a query term in a text: where it is, which term, how often that term occurs in the text. */
    record Match(int start, int end, int term, int freqInDoc) {}

    private static Map<Integer, List<Match>> matches(
            IndexReader reader, TermLookup lookup, String field, Collection<Term> terms, Map<Integer, String> texts)
            throws IOException {
        int[] docs = texts.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .mapToInt(Map.Entry::getKey)
                .sorted()
                .toArray();
        Map<Integer, List<Match>> matches = new HashMap<>();
        List<LeafReaderContext> leaves = reader.leaves();
        int termId = 0;
        for (Term term : terms) {
            if (!term.field().equals(field)) {
                continue;
            }
            termId++;
            PostingsEnum postings = null;
            LeafReaderContext leaf = null;
            for (int docId : docs) {
                if (leaf == null || docId >= leaf.docBase + leaf.reader().maxDoc()) {
                    leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
                    postings = lookup.postings(term, leaf, PostingsEnum.OFFSETS);
                }
                int doc = docId - leaf.docBase;
                if (postings == null
                        || postings.docID() > doc
                        || postings.docID() < doc && postings.advance(doc) != doc) {
                    continue;
                }
                int textLength = texts.get(docId).length();
                int freq = postings.freq();
                for (int i = 0; i < freq; i++) {
                    postings.nextPosition();
                    if (postings.startOffset() >= 0 && postings.endOffset() <= textLength) {
                        matches.computeIfAbsent(docId, d -> new ArrayList<>())
                                .add(new Match(postings.startOffset(), postings.endOffset(), termId, freq));
                    }
                }
            }
        }
        return matches;
    }

    /** The best-scoring sentence with its matches marked. */
    static String best(String text, List<Match> matches) {
        matches.sort((a, b) ->
                a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        int bestStart = 0;
        int bestEnd = 0;
        float bestScore = -1;
        int from = 0;
        while (from < matches.size()) {
            int start = sentenceStart(text, matches.get(from).start());
            int end = sentenceEnd(text, matches.get(from).end());
            int to = from;
            while (to < matches.size() && matches.get(to).start() < end) {
                to++;
            }
            float score = score(matches.subList(from, to), end - start, text.length(), start);
            if (score > bestScore) {
                bestScore = score;
                bestStart = start;
                bestEnd = end;
            }
            from = to;
        }
        return marked(text, bestStart, bestEnd, matches);
    }

    /** BM25 of the sentence as {@link PassageScorer} computes it: per distinct term, its frequency here. */
    private static float score(List<Match> inSentence, int sentenceLength, int textLength, int sentenceStart) {
        Map<Integer, int[]> perTerm = new HashMap<>();
        for (Match match : inSentence) {
            perTerm.computeIfAbsent(match.term(), t -> new int[] {0, match.freqInDoc()})[0]++;
        }
        float score = 0;
        for (int[] counts : perTerm.values()) {
            score += SCORER.tf(counts[0], sentenceLength) * SCORER.weight(textLength, counts[1]);
        }
        return score * SCORER.norm(sentenceStart);
    }

    private static String marked(String text, int start, int end, List<Match> matches) {
        StringBuilder out = new StringBuilder(end - start + 32);
        int at = start;
        for (Match match : matches) {
            if (match.end() <= at || match.start() >= end) {
                continue; // outside the sentence, or inside a word already marked (a compound and its parts)
            }
            int markEnd = match.end();
            out.append(escape(text.substring(at, Math.max(at, match.start()))));
            out.append("<mark>")
                    .append(escape(text.substring(Math.max(at, match.start()), markEnd)))
                    .append("</mark>");
            at = markEnd;
        }
        out.append(escape(text.substring(at, end)));
        return out.toString().strip();
    }

    /** Escapes what HTML needs escaped ({@code < > & " '}); umlauts stay as they are. */
    static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    /**
     * Where the sentence holding {@code offset} begins: after the last sentence end before it. A sentence ends with
     * '.', '!' or '?' followed by a space and a word that does not start in lower case ("z. B. der" goes on), or at
     * a line break.
     */
    static int sentenceStart(String text, int offset) {
        for (int i = Math.min(offset, text.length()) - 1; i >= 0; i--) {
            if (endsSentence(text, i)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Where the sentence holding the character before {@code offset} ends (exclusive). */
    static int sentenceEnd(String text, int offset) {
        for (int i = Math.max(offset - 1, 0); i < text.length(); i++) {
            if (endsSentence(text, i)) {
                return i + 1;
            }
        }
        return text.length();
    }

    /** Whether the character at {@code i} is the last of a sentence. */
    private static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n') {
            return true;
        }
        if (c != '.' && c != '!' && c != '?' || i + 1 >= text.length() || !Character.isWhitespace(text.charAt(i + 1))) {
            return false;
        }
        int next = i + 1;
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            if (text.charAt(next) == '\n') {
                return true;
            }
            next++;
        }
        if (next == text.length()) {
            return true;
        }
        char following = text.charAt(next);
        return !Character.isLowerCase(following)
                && !Character.isDigit(following)
                && !(c == '.' && abbreviation(text, i));
    }

    /** Whether the word before the stop at {@code stop} is an abbreviation ("z. B.", "Nr. 5", "ca. 37 Euro"). */
    private static boolean abbreviation(String text, int stop) {
        int start = stop;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return stop - start == 1
                || ABBREVIATIONS.contains(text.substring(start, stop).toLowerCase(Locale.GERMAN));
    }

    /** For tests: the sentences the text is cut into. */
    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = sentenceEnd(text, start + 1);
            sentences.add(text.substring(start, end).strip());
            start = end;
        }
        sentences.removeIf(String::isEmpty);
        return sentences;
    }
}
