package de.buergerservice.knowledge.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.buergerservice.knowledge.internal.search.Snippets.Match;

class SnippetsTests {

    @Test
    void sentencesEndAtAStopBeforeACapitalOrALineBreakButNotAfterAnAbbreviation() {
        assertThat(Snippets.sentences("Sie ziehen um. Melden Sie sich an! Gilt z. B. für Studierende.\nNeu?"))
                .containsExactly("Sie ziehen um.", "Melden Sie sich an!", "Gilt z. B. für Studierende.", "Neu?");
        assertThat(Snippets.sentences("Gebühr: ca. 37,00 Euro. ab 1.1.2026 gilt mehr. Siehe Abs. 2 Nr. 5 Satz 1."))
                .containsExactly("Gebühr: ca. 37,00 Euro. ab 1.1.2026 gilt mehr.", "Siehe Abs. 2 Nr. 5 Satz 1.");
    }

    @Test
    void theSentenceWithTheMostAndRarestMatchesIsMarkedAndEscaped() {
        String text = "Der Personalausweis gilt zehn Jahre. Für den neuen Personalausweis <Antrag> bringen Sie "
                + "ein Passfoto mit. Sonst nichts.";
        int personal = text.indexOf("Personalausweis", 20);
        int photo = text.indexOf("Passfoto");
        List<Match> matches = new ArrayList<>(List.of(
                new Match(4, 19, 1, 2), new Match(personal, personal + 15, 1, 2), new Match(photo, photo + 8, 2, 1)));

        assertThat(Snippets.best(text, matches))
                .isEqualTo("Für den neuen <mark>Personalausweis</mark> "
                        + "&lt;Antrag&gt; bringen Sie ein <mark>Passfoto</mark> mit.");
    }

    @Test
    void aCompoundAndItsPartsAtTheSameOffsetsAreMarkedOnce() {
        String text = "Die Wohnsitzanmeldung ist Pflicht.";
        List<Match> matches =
                new ArrayList<>(List.of(new Match(4, 21, 1, 1), new Match(4, 12, 2, 1), new Match(12, 21, 3, 1)));

        assertThat(Snippets.best(text, matches)).isEqualTo("Die <mark>Wohnsitzanmeldung</mark> ist Pflicht.");
    }
}
