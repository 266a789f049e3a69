package de.buergerservice.knowledge.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import de.danielnaber.jwordsplitter.GermanWordSplitter;

/**
 * Splits German compounds ("personalausweisverlängerung" → personal, ausweis, verlängerung) with jWordSplitter's
 * embedded dictionary. Splitting is slow (tens of microseconds, the dictionary takes ~100 ms to load), and a
 * catalogue repeats the same words thousands of times, so results are cached. jWordSplitter keeps no state
 * while splitting, but its configuration setters are not synchronised; the instance is configured once here and
 * only read afterwards.
 */
final class CompoundSplitter {

    private static final int MIN_LENGTH = 7;
    private static final int CACHE_LIMIT = 200_000;

    private static final Pattern TRANSCRIBED_UMLAUT = Pattern.compile("ae|oe|ue");
    private static final Map<String, String> UMLAUTS = Map.of("ae", "ä", "oe", "ö", "ue", "ü");

    private static final CompoundSplitter INSTANCE = new CompoundSplitter();

    /** jWordSplitter's own limit. */
    static final int MAX_LENGTH = 70;

    private final GermanWordSplitter splitter;
    private final Cache<String, List<String>> cache =
            Caffeine.newBuilder().maximumSize(CACHE_LIMIT).build();

    private CompoundSplitter() {
        try {
            // hideInterfixCharacters=true: "aufenthaltserlaubnis" → aufenthalt + erlaubnis, not aufenthalts
            splitter = new GermanWordSplitter(true);
            splitter.setStrictMode(true);
        } catch (IOException e) {
            throw new UncheckedIOException("jWordSplitter dictionary cannot be loaded", e);
        }
    }

    static CompoundSplitter instance() {
        return INSTANCE;
    }

    /** The parts of a lower-case word, or an empty list if it is no compound the dictionary knows. */
    List<String> parts(String word) {
        // jWordSplitter refuses words over 70 characters (InputTooLongException); none is a real compound
        if (word.length() < MIN_LENGTH || word.length() > MAX_LENGTH) {
            return List.of();
        }
        return cache.get(word, this::split);
    }

    private List<String> split(String word) {
        List<String> parts = splitWith(word);
        if (parts.isEmpty() && TRANSCRIBED_UMLAUT.matcher(word).find()) {
            // "fuehrerscheinverlust": callers without umlauts on their keyboard; parts are folded back later
            parts = splitWith(TRANSCRIBED_UMLAUT.matcher(word).replaceAll(m -> UMLAUTS.get(m.group())));
        }
        return parts;
    }

    private List<String> splitWith(String word) {
        List<String> parts = splitter.splitWord(word);
        if (parts.size() < 2) {
            return List.of();
        }
        return withNeighbourPairs(parts.stream().map(String::toLowerCase).toList());
    }

    /**
     * The parts, and neighbouring parts joined: the dictionary splits deeper than people think
     * ("nummernschilddiebstahl" → nummern, schild, dieb, stahl), so "nummernschild" and "diebstahl" are added.
     */
    private static List<String> withNeighbourPairs(List<String> parts) {
        List<String> result = new java.util.ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).length() >= 3) {
                result.add(parts.get(i));
            }
            if (parts.size() > 2 && i + 1 < parts.size()) {
                result.add(parts.get(i) + parts.get(i + 1));
            }
        }
        return List.copyOf(result);
    }
}
