package de.buergerservice.knowledge.internal.search;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Takes the "-ung" off a German noun made from a verb, so the verb and the noun meet after stemming: titles name
 * what the office does ("Anmeldung", "Verlängerung", "Zulassung"), callers say what they want to do ("anmelden",
 * "verlängern", "zulassen"). Runs before {@code GermanLightStemFilter}, which then takes off the verb's ending
 * ("anmeld-ung" and "anmeld-en" → anmeld; "verlänger-ung" and "verlänger-n" → verlang). Plural "-ungen" is
 * handled as well. Short words keep their "-ung" ("Lösung" stays: "lös" would meet "los").
 */
final class NominalisationFilter extends TokenFilter {

    /** What must remain before "ung": three letters would make "Lösung" and "löschen" meet. */
    private static final int MIN_STEM = 4;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    NominalisationFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!keyword.isKeyword()) {
            int length = term.length();
            if (endsWith("ungen", length) && length - 5 >= MIN_STEM) {
                term.setLength(length - 5);
            } else if (endsWith("ung", length) && length - 3 >= MIN_STEM) {
                term.setLength(length - 3);
            }
        }
        return true;
    }

    private boolean endsWith(String suffix, int length) {
        if (length < suffix.length()) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            if (term.charAt(length - suffix.length() + i) != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
