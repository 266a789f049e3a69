package de.buergerservice.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.buergerservice.knowledge.ServiceLink;

/** How a DLDB record maps to the content model. */
class DldbFormatTests {

    static List<ImportRecord> read(String json) throws IOException {
        return DldbFormat.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void givenRecord_thenMappedFieldByField() throws IOException {
        ImportRecord record = read("""
                {"data": [{"id": 1063423, "name": "Gewerbe-Anmeldung",
                  "description": "<p>Melden Sie <strong>vorher</strong> an.</p><script>x()</script>",
                  "meta": {"keywords": "Gewerbeschein, Gewerbe-Anmeldung, , Gewerbe anmelden"},
                  "leika": "99050012104000", "fees": "<p>50 bis 60 Euro<br></p>",
                  "forms": [{"name": "Vollmacht", "link": "https://example.org/v.pdf"}],
                  "links": [{"name": "Vollmacht", "link": "https://example.org/v.pdf"},
                            {"name": "Info", "link": "https://example.org/info"}],
                  "appointment": {"link": "https://termine.example/#/services/{serviceId}"}}]}""").get(0);
        assertThat(record.failures()).isEmpty();
        assertThat(record.externalId()).isEqualTo("1063423");
        ServiceContent content = record.content();
        assertThat(content.title()).isEqualTo("Gewerbe-Anmeldung");
        assertThat(content.synonyms()).containsExactly("Gewerbeschein", "Gewerbe anmelden");
        assertThat(content.body()).isEqualTo("<p>Melden Sie <strong>vorher</strong> an.</p>");
        assertThat(content.summary()).isEqualTo("Melden Sie vorher an.");
        assertThat(content.fees()).isEqualTo("50 bis 60 Euro");
        assertThat(content.forms()).containsExactly(new ServiceLink("Vollmacht", "https://example.org/v.pdf"));
        assertThat(content.links()).containsExactly(new ServiceLink("Info", "https://example.org/info"));
        assertThat(content.onlineServiceUrl()).isEqualTo("https://termine.example/#/services/1063423");
    }

    @Test
    void givenSeveralLeikaKeys_thenFirstTakenWithWarning() throws IOException {
        ImportRecord record = read("""
                {"data": [{"id": "9", "name": "Fahrzeug", "leika": "99036008007003, 99036008007004"}]}""").get(0);
        assertThat(record.content().leikaKey()).isEqualTo("99036008007003");
        assertThat(record.warnings()).singleElement().satisfies(w -> assertThat(w.field())
                .isEqualTo("leika"));
    }

    @Test
    void givenLongDescription_thenSummaryCutAtAWord() {
        String summary = DldbFormat.summary("<p>" + "Wort ".repeat(100) + "</p>");
        assertThat(summary).endsWith("…").hasSizeLessThanOrEqualTo(300);
    }
}
