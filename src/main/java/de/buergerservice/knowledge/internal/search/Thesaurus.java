package de.buergerservice.knowledge.internal.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A general German thesaurus (OpenThesaurus in its text format, one synset per line, words separated by
 * {@code ;}, notes in parentheses), read once at start from the file Debian's {@code openthesaurus-de-text}
 * installs. It knows words no editor thought of — "Perso", "Lappen", "Kfz" — and so helps every municipality's
 * catalogue from the first day, without anybody having looked at its searches.
 *
 * <p>A thesaurus is noisy ("Lappen" is also a cloth and a banknote), so only what is likely to mean the same is
 * kept: single words (a phrase cannot be matched as one term), synsets of at most {@value #MAX_SYNSET_WORDS} words
 * (large ones are loose associations), words with at most {@value #MAX_SENSES} senses (the others — "weg", "Kiste",
 * "machen" — are too ambiguous to expand), no vulgar entries. The search then keeps only expansions that name
 * services in the catalogue (titles and keywords) and weighs them clearly below the typed word. Words are stored in
 * the form the index holds them ({@link GermanServiceAnalyzer#wordForm}), so a lookup is one hash-map access.
 *
 * <p>The file is LGPL and is read where the package puts it, never copied into the project.
 */
final class Thesaurus {

    static final String DEBIAN_FILE = "/usr/share/openthesaurus-de/openthesaurus.txt";

    static final int MAX_SYNSET_WORDS = 12;
    static final int MAX_SENSES = 3;
    /** Candidates kept per word, smallest (most specific) synsets first; the search keeps fewer. */
    static final int MAX_CANDIDATES = 12;

    private static final Logger log = LoggerFactory.getLogger(Thesaurus.class);
    private static final Pattern NOTE = Pattern.compile("\\([^)]*\\)");
    private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");
    private static final Pattern VULGAR = Pattern.compile("\\((?:[^)]*\\b)?(?:derb|vulg)");
    private static final Thesaurus EMPTY = new Thesaurus(Map.of());

    private final Map<String, List<String>> expansions;

    private Thesaurus(Map<String, List<String>> expansions) {
        this.expansions = expansions;
    }

    static Thesaurus empty() {
        return EMPTY;
    }

    /** The thesaurus in {@code file}; where the file is absent, one log line and an empty thesaurus. */
    static Thesaurus load(Path file) {
        if (!Files.isReadable(file)) {
            log.info("No thesaurus at {} (Debian package openthesaurus-de-text); searching without it", file);
            return EMPTY;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                Analyzer forms = new WordFormAnalyzer()) {
            List<List<String>> synsets = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.startsWith("#")) {
                    List<String> synset = synset(forms, line);
                    if (synset.size() >= 2) {
                        synsets.add(synset);
                    }
                }
            }
            Thesaurus thesaurus = new Thesaurus(expansions(synsets));
            log.info("Thesaurus {}: {} words with expansions", file, thesaurus.expansions.size());
            return thesaurus;
        } catch (IOException e) {
            throw new UncheckedIOException("Thesaurus " + file + " cannot be read", e);
        }
    }

    /** Words that may mean the same as {@code word} (an analysed term), most specific first; empty if none. */
    List<String> expansions(String word) {
        return expansions.getOrDefault(word, List.of());
    }

    int size() {
        return expansions.size();
    }

    /** The single words of one line, in the index's form, without duplicates; vulgar words left out. */
    private static List<String> synset(Analyzer forms, String line) {
        Set<String> words = new LinkedHashSet<>();
        for (String entry : line.split(";")) {
            if (VULGAR.matcher(entry).find()) {
                continue;
            }
            String word = NOTE.matcher(entry).replaceAll("").strip();
            if (WORD.matcher(word).matches()) {
                words.add(form(forms, word));
            }
        }
        return List.copyOf(words);
    }

    private static Map<String, List<String>> expansions(List<List<String>> synsets) {
        Map<String, Integer> senses = new HashMap<>();
        for (List<String> synset : synsets) {
            synset.forEach(word -> senses.merge(word, 1, Integer::sum));
        }
        Map<String, List<List<String>>> byWord = new HashMap<>();
        for (List<String> synset : synsets) {
            if (synset.size() > MAX_SYNSET_WORDS) {
                continue;
            }
            for (String word : synset) {
                if (senses.get(word) <= MAX_SENSES) {
                    byWord.computeIfAbsent(word, w -> new ArrayList<>()).add(synset);
                }
            }
        }
        Map<String, List<String>> result = new HashMap<>(byWord.size() * 2);
        byWord.forEach((word, sets) -> {
            Set<String> candidates = new LinkedHashSet<>();
            sets.stream().sorted(Comparator.comparingInt(List::size)).forEach(candidates::addAll);
            candidates.remove(word);
            if (!candidates.isEmpty()) {
                result.put(word, candidates.stream().limit(MAX_CANDIDATES).toList());
            }
        });
        return Map.copyOf(result);
    }

    private static String form(Analyzer forms, String word) {
        try (TokenStream stream = forms.tokenStream("", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            String form = stream.incrementToken() ? term.toString() : word;
            stream.end();
            return form;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One word as the index holds it when it stands alone: lower case, then the analyser's word form. */
    private static final class WordFormAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            KeywordTokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(source, GermanServiceAnalyzer.wordForm(new LowerCaseFilter(source)));
        }
    }
}
