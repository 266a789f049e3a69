package de.buergerservice.portal;

import static de.buergerservice.Responses.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.buergerservice.IntegrationTest;
import de.buergerservice.applications.TestForms;
import de.buergerservice.applications.internal.FormStore;
import de.buergerservice.shared.DataDirectory;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * An online form on the portal, as a browser without JavaScript sends it: accessible markup (labels, help texts
 * by aria-describedby), the error summary linking to the fields, a renamed .exe and an oversize file refused at the
 * field in German with nothing stored, the summary, the submission with its tracking code and the PDF receipt.
 */
@IntegrationTest
class PortalApplicationTests {

    static final AtomicInteger CLIENTS = new AtomicInteger();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    FormStore store;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataDirectory dataDirectory;

    String path;
    MockHttpSession session = new MockHttpSession();

    @BeforeEach
    void form() {
        UUID artland = tenants.findBySlug("artland").orElseThrow().id();
        path = "/artland/antraege/" + new TestForms(store).publish(artland);
    }

    static RequestPostProcessor client() {
        int n = CLIENTS.incrementAndGet();
        return request -> {
            request.setRemoteAddr("10.18." + (n / 250) + "." + (n % 250 + 1));
            return request;
        };
    }

    MvcTestResult step(int step, String... fields) {
        var request = mvc.post()
                .uri(path + "?schritt=" + step)
                .session(session)
                .with(csrf())
                .with(client());
        for (int i = 0; i < fields.length; i += 2) {
            request = request.param(fields[i], fields[i + 1]);
        }
        return request.exchange();
    }

    MvcTestResult upload(String name, byte[] content) {
        return mvc.post()
                .uri(path + "?schritt=2")
                .multipart()
                .file(new MockMultipartFile("f:proof", name, "application/pdf", content))
                .session(session)
                .with(csrf())
                .with(client())
                .exchange();
    }

    long storedFiles() throws IOException {
        try (Stream<Path> files = Files.list(dataDirectory.resolve("applications/attachments"))) {
            return files.count();
        }
    }

    @Test
    void givenTheFirstStep_thenEveryInputHasItsLabelAndHelp() {
        MvcTestResult page = mvc.get().uri(path).session(session).exchange();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(page))
                .contains("Schritt 1 von 2", "<label for=\"name\">", "aria-describedby=\"name-help\"")
                .contains("Vor- und Nachname", "(Pflichtfeld)", "name=\"f:email\"")
                .contains("Nur ausfüllen, wenn bei „Der Hund ist gefährlich“ ein Häkchen angegeben ist.");
    }

    @Test
    void givenAStepSentEmpty_thenTheErrorSummaryLinksToEachField_inGerman() {
        MvcTestResult result = step(1);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(result))
                .contains("id=\"error-summary\"", "role=\"alert\"", "href=\"#name\"", "href=\"#email\"")
                .contains("Bitte korrigieren Sie Ihre Angaben", "<title>Fehler: ")
                .contains("aria-invalid=\"true\"", "id=\"name-error\"")
                .doesNotContain("href=\"#expertise\"");
    }

    @Test
    void givenTheWholeForm_thenWrongFilesAreRefused_andTheSubmissionGetsATrackingCodeAndAReceipt() throws Exception {
        assertThat(step(1, "f:name", "Erika Mustermann", "f:email", "erika@example.org")
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo(path + "?schritt=2");
        long files = storedFiles();

        MvcTestResult exe = upload("rechnung.pdf", TestForms.EXE);
        assertThat(exe.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(exe)).contains("„rechnung.pdf“ ist kein PDF, JPEG oder PNG", "href=\"#proof\"");
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TestForms.PDF, 0, big, 0, TestForms.PDF.length);
        MvcTestResult oversize = upload("gross.pdf", big);
        assertThat(oversize.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(oversize)).contains("„gross.pdf“ ist zu groß: höchstens 10 MB je Datei.");
        assertThat(storedFiles()).isEqualTo(files);

        assertThat(upload("impfpass.pdf", TestForms.PDF).getResponse().getRedirectedUrl())
                .isEqualTo(path + "/zusammenfassung");
        MvcTestResult summary =
                mvc.get().uri(path + "/zusammenfassung").session(session).exchange();
        assertThat(body(summary)).contains("Erika Mustermann", "impfpass.pdf", "Ändern");

        MvcTestResult submitted = mvc.post()
                .uri(path + "/absenden")
                .session(session)
                .with(csrf())
                .with(client())
                .exchange();
        assertThat(submitted.getResponse().getRedirectedUrl()).isEqualTo(path + "/eingegangen");
        MvcTestResult received =
                mvc.get().uri(path + "/eingegangen").session(session).exchange();
        String code = jdbc.queryForObject(
                "select tracking_code from application_submission where email = 'erika@example.org'"
                        + " order by received_at desc limit 1",
                String.class);
        assertThat(body(received)).contains("Ihr Antrag ist eingegangen", code);
        MvcTestResult receipt = mvc.get()
                .uri("/artland/antragsstatus/eingangsbestaetigung")
                .session(session)
                .exchange();
        try (var pdf = Loader.loadPDF(receipt.getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains(code, "Samtgemeinde Artland", "Erika Mustermann", "impfpass.pdf");
        }
    }
}
