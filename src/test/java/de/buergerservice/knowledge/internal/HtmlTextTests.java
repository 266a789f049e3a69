package de.buergerservice.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The allow-list of rich text, and the plain text the search index and diffs get. */
class HtmlTextTests {

    @Test
    void givenScriptsHandlersAndJavascriptLinks_thenRemoved() {
        String clean = HtmlText.sanitize("<p onclick=\"steal()\" style=\"color:red\">Hallo <script>alert(1)</script>"
                + "<a href=\"javascript:alert(2)\">x</a><img src=x onerror=alert(3)><iframe src=\"https://evil\">"
                + "</iframe></p>");
        assertThat(clean)
                .doesNotContain("onclick", "style", "script", "alert", "javascript", "onerror", "iframe")
                .contains("<p>Hallo");
    }

    @Test
    void givenListsTablesAndHttpsLinks_thenKept() {
        String html = "<ul><li><strong>Ausweis</strong></li></ul><table><tbody><tr><td>1</td></tr></tbody></table>"
                + "<a href=\"https://www.oldenburg.de\">Stadt</a>";
        assertThat(HtmlText.sanitize(html))
                .contains(
                        "<ul><li><strong>Ausweis</strong></li></ul>",
                        "<td>1</td>",
                        "href=\"https://www.oldenburg.de\"");
    }

    @Test
    void plainTextHasOneLinePerBlockAndDecodedEntities() {
        assertThat(HtmlText.plain(
                        "<p>Gebühr&nbsp;50&nbsp;&#8364;? &amp; mehr&#33;</p><ul><li>eins</li><li>zwei</li></ul>"))
                .isEqualTo("Gebühr 50 €? & mehr!\neins\nzwei");
        assertThat(HtmlText.plain("<p>\u200bText</p>")).isEqualTo("Text");
    }
}
