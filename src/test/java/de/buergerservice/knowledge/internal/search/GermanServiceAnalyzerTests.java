package de.buergerservice.knowledge.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What the German analysis chain makes of the words citizens and editors write. */
class GermanServiceAnalyzerTests {

    static final Analyzer ANALYZER = new GermanServiceAnalyzer();

    @AfterAll
    static void close() {
        ANALYZER.close();
    }

    static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    @Test
    void givenCompound_thenWholeWordAndPartsAreIndexed() {
        // neighbouring parts are joined too ("personalausweis"): the dictionary splits deeper than people think
        assertThat(terms("Personalausweisverlängerung"))
                .startsWith("personalausweisverlang")
                .contains("personal", "ausweis", "verlang", "personalausweis");
    }

    @Test
    void givenCompound_thenPartsShareThePositionOfTheWord() throws IOException {
        List<Integer> increments = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream("body", "neuer Reisepass")) {
            PositionIncrementAttribute position = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                increments.add(position.getPositionIncrement());
            }
            stream.end();
        }
        assertThat(terms("neuer Reisepass")).containsExactly("neu", "reisepass", "reis", "pass");
        assertThat(increments).containsExactly(1, 1, 0, 0);
    }

    @Test
    void givenUmlautSpelledOrTranscribedOrMissing_thenSameTerm() {
        assertThat(terms("Führerschein")).isEqualTo(terms("Fuehrerschein")).isEqualTo(terms("Fuhrerschein"));
        assertThat(terms("Straße")).isEqualTo(terms("Strasse"));
    }

    @Test
    void givenTranscribedUmlautsInCompound_thenStillSplit() {
        assertThat(terms("Fuehrerscheinverlust")).contains("fuhrerschein", "verlust");
    }

    @Test
    void givenInflectedForms_thenLightStemmingMeetsThem() {
        assertThat(terms("Anmeldungen")).isEqualTo(terms("Anmeldung"));
        assertThat(terms("Wohnungen")).isEqualTo(terms("Wohnung"));
        assertThat(terms("Ausweises")).isEqualTo(terms("Ausweis"));
    }

    @Test
    void givenStopWords_thenDropped() {
        assertThat(terms("Ich habe meinen Ausweis verloren")).containsExactly("ausweis", "verlor");
    }

    @Test
    void givenHyphenatedCompound_thenBothParts() {
        assertThat(terms("Kfz-Zulassung")).containsExactly("kfz", "zulass");
    }

    @Test
    void givenInterfix_thenPartWithoutIt() {
        assertThat(terms("Aufenthaltserlaubnis")).contains("aufenthalt", "erlaubnis");
    }

    @Test
    void givenVerbAndTheNounMadeFromIt_thenSameTerm() {
        // titles name what the office does, callers say what they want to do
        assertThat(terms("anmelden")).isEqualTo(terms("Anmeldung")).containsExactly("anmeld");
        assertThat(terms("verlängern")).isEqualTo(terms("Verlängerung"));
        assertThat(terms("zulassen")).isEqualTo(terms("Zulassung"));
        assertThat(terms("Abholung")).isEqualTo(terms("abholen"));
    }

    @Test
    void givenShortWordEndingInUng_thenItKeepsIt() {
        assertThat(terms("Lösung")).containsExactly("losung");
    }
}
