package de.buergerservice.applications;

import static de.buergerservice.Responses.body;
import static de.buergerservice.Responses.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.buergerservice.IntegrationTest;
import de.buergerservice.applications.internal.FormStore;
import de.buergerservice.shared.DataDirectory;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * Online applications through the public API and the back office's API: a citizen submits a test form of
 * Artland's with an attachment, gets a tracking code, looks it up; wrong type and oversize uploads are refused in
 * German with nothing stored; a hidden field is neither required nor stored; a submission stays valid against its
 * own form version after the form changed; Artland's back office processes it, Oldenburg's never sees it; the
 * retention job deletes it after completion.
 */
@IntegrationTest
class SubmissionApiTests {

    /** Each request its own client address: the public rate limit is per address and the context is shared. */
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

    @Autowired
    FormCatalog forms;

    @Autowired
    de.buergerservice.applications.internal.submission.SubmissionRetention retention;

    UUID artland;
    String formKey;

    @BeforeEach
    void form() {
        artland = tenants.findBySlug("artland").orElseThrow().id();
        formKey = new TestForms(store).publish(artland);
    }

    static RequestPostProcessor client() {
        int n = CLIENTS.incrementAndGet();
        return request -> {
            request.setRemoteAddr("10.17." + (n / 250) + "." + (n % 250 + 1));
            return request;
        };
    }

    MvcTestResult submit(String answers, MockMultipartFile... files) {
        var builder = mvc.post()
                .uri("/api/public/v1/artland/forms/" + formKey + "/submissions")
                .multipart()
                .param("answers", answers)
                .with(client());
        for (MockMultipartFile file : files) {
            builder = builder.file(file);
        }
        return builder.exchange();
    }

    static MockMultipartFile proof(String name, byte[] content) {
        return new MockMultipartFile("proof", name, "application/pdf", content);
    }

    static final String VALID = "{\"name\":\"Erika Mustermann\",\"email\":\"erika@example.org\"}";

    int submissions() {
        return jdbc.queryForObject("select count(*) from application_submission", Integer.class);
    }

    long storedFiles() throws IOException {
        try (Stream<Path> files = Files.list(dataDirectory.resolve("applications/attachments"))) {
            return files.count();
        }
    }

    @Nested
    class Submit {

        @Test
        void givenValidAnswersAndAPdf_thenATrackingCodeIsReturned_andTheFileIsStoredWithItsChecksum() {
            MvcTestResult result = submit(VALID, proof("nachweis.pdf", TestForms.PDF));
            assertThat(result.getResponse().getStatus()).isEqualTo(201);
            String code = read(result, "$.trackingCode");
            assertThat(code).matches("[A-Z2-7]{10}");
            Map<String, Object> row = jdbc.queryForMap(
                    "select s.form_version, s.status, s.email, a.sha256, a.id, a.media_type from application_submission s"
                            + " join application_attachment a on a.submission_id = s.id where s.tracking_code = ?",
                    code);
            assertThat(row.get("form_version")).isEqualTo(1);
            assertThat(row.get("status")).isEqualTo("RECEIVED");
            assertThat(row.get("media_type")).isEqualTo("application/pdf");
            Path file = dataDirectory
                    .resolve("applications/attachments")
                    .resolve(row.get("id").toString());
            assertThat(file).exists();
            assertThat(row.get("sha256"))
                    .isEqualTo(
                            de.buergerservice.applications.internal.submission.AttachmentStore.sha256(TestForms.PDF));
        }

        @Test
        void givenMissingAnswers_thenEachFieldIsNamedInGerman_andNothingIsStored() {
            int before = submissions();
            MvcTestResult result = submit("{\"email\":\"kein-at-zeichen\"}");
            assertThat(result.getResponse().getStatus()).isEqualTo(400);
            assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
            assertThat(body(result)).contains("\"field\":\"name\"", "\"field\":\"email\"", "\"field\":\"proof\"");
            assertThat(body(result)).contains("Ihr Name");
            assertThat(submissions()).isEqualTo(before);
        }

        @Test
        void givenAnExeRenamedPdf_thenItIsRefusedInGerman_andNothingIsStored() throws IOException {
            int before = submissions();
            long files = storedFiles();
            MvcTestResult result = submit(VALID, proof("rechnung.pdf", TestForms.EXE));
            assertThat(result.getResponse().getStatus()).isEqualTo(400);
            assertThat(body(result))
                    .contains("\"field\":\"proof\"")
                    .contains("„rechnung.pdf“ ist kein PDF, JPEG oder PNG");
            assertThat(submissions()).isEqualTo(before);
            assertThat(storedFiles()).isEqualTo(files);
        }

        @Test
        void givenAFileOverTenMegabytes_thenItIsRefusedWith413InGerman_andNothingIsStored() throws IOException {
            int before = submissions();
            long files = storedFiles();
            byte[] big = new byte[10 * 1024 * 1024 + 1];
            System.arraycopy(TestForms.PDF, 0, big, 0, TestForms.PDF.length);
            MvcTestResult result = submit(VALID, proof("gross.pdf", big));
            assertThat(result.getResponse().getStatus()).isEqualTo(413);
            assertThat(body(result)).contains("„gross.pdf“ ist zu groß: höchstens 10 MB je Datei");
            assertThat(submissions()).isEqualTo(before);
            assertThat(storedFiles()).isEqualTo(files);
        }

        @Test
        void givenTheCheckboxUnchecked_thenTheFieldItShowsIsNotRequired_andNotStored() {
            MvcTestResult result = submit(
                    "{\"name\":\"Erika\",\"email\":\"erika@example.org\",\"expertise\":\"versteckt\"}",
                    proof("n.pdf", TestForms.PDF));
            assertThat(result.getResponse().getStatus()).isEqualTo(201);
            String answers = jdbc.queryForObject(
                    "select answers from application_submission where tracking_code = ?", String.class, (String)
                            read(result, "$.trackingCode"));
            assertThat(answers).doesNotContain("expertise").contains("Erika");

            MvcTestResult checked = submit(
                    "{\"name\":\"Erika\",\"email\":\"erika@example.org\",\"dangerous\":\"true\"}",
                    proof("n.pdf", TestForms.PDF));
            assertThat(checked.getResponse().getStatus()).isEqualTo(400);
            assertThat(body(checked)).contains("\"field\":\"expertise\"");
        }

        @Test
        void givenAnUnknownForm_thenNotFound() {
            MvcTestResult result = mvc.post()
                    .uri("/api/public/v1/artland/forms/gibt-es-nicht/submissions")
                    .multipart()
                    .param("answers", VALID)
                    .with(client())
                    .exchange();
            assertThat(result.getResponse().getStatus()).isEqualTo(404);
        }
    }

    @Nested
    class StatusLookup {

        @Test
        void givenAWrongEmail_thenTheAnswerIsTheSameAsForAWrongCode() {
            String code = read(submit(VALID, proof("n.pdf", TestForms.PDF)), "$.trackingCode");
            MvcTestResult right = lookup(code, "Erika@Example.org");
            assertThat(right.getResponse().getStatus()).isEqualTo(200);
            assertThat(body(right)).contains("\"status\":\"RECEIVED\"", code);

            MvcTestResult wrongEmail = lookup(code, "someone@example.org");
            MvcTestResult wrongCode = lookup("AAAAAAAAAA", "erika@example.org");
            assertThat(wrongEmail.getResponse().getStatus()).isEqualTo(404);
            assertThat(wrongCode.getResponse().getStatus()).isEqualTo(404);
            assertThat(body(wrongEmail).replace(code, "X"))
                    .isEqualTo(body(wrongCode).replace("AAAAAAAAAA", "X"));
        }

        MvcTestResult lookup(String code, String email) {
            return mvc.get()
                    .uri("/api/public/v1/artland/submissions/" + code + "?email=" + email)
                    .with(client())
                    .exchange();
        }
    }

    @Nested
    class BackOffice {

        @Test
        void givenASubmissionOfArtland_thenItsBackOfficeProcessesIt_andOldenburgsNeverSeesIt() throws Exception {
            String code = read(submit(VALID, proof("nachweis.pdf", TestForms.PDF)), "$.trackingCode");
            UUID id = jdbc.queryForObject(
                    "select id from application_submission where tracking_code = ?", UUID.class, code);

            MvcTestResult list = mvc.get()
                    .uri("/api/v1/submissions?form=" + formKey)
                    .with(httpBasic("artland-backoffice", "demo"))
                    .exchange();
            assertThat(body(list)).contains(code);
            assertThat(body(mvc.get()
                            .uri("/api/v1/submissions?form=" + formKey)
                            .with(httpBasic("oldenburg-backoffice", "demo"))
                            .exchange()))
                    .doesNotContain(code);
            assertThat(mvc.get()
                            .uri("/api/v1/submissions/" + id)
                            .with(httpBasic("oldenburg-backoffice", "demo"))
                            .exchange()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(404);

            // a question without a message is refused at the field, in German
            MvcTestResult noMessage = status(id, "{\"status\":\"MORE_INFO_NEEDED\"}");
            assertThat(noMessage.getResponse().getStatus()).isEqualTo(400);
            assertThat(body(noMessage)).contains("\"field\":\"message\"", "was fehlt");

            MvcTestResult asked =
                    status(id, "{\"status\":\"MORE_INFO_NEEDED\",\"message\":\"Bitte Impfpass nachreichen.\"}");
            assertThat(asked.getResponse().getStatus()).isEqualTo(200);
            assertThat(body(asked)).contains("MORE_INFO_NEEDED");

            String attachment = jdbc.queryForObject(
                    "select cast(id as varchar) from application_attachment where submission_id = ?", String.class, id);
            MvcTestResult download = mvc.get()
                    .uri("/api/v1/submissions/" + id + "/attachments/" + attachment)
                    .with(httpBasic("artland-backoffice", "demo"))
                    .exchange();
            assertThat(download.getResponse().getStatus()).isEqualTo(200);
            assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(TestForms.PDF);
            assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
            assertThat(mvc.get()
                            .uri("/api/v1/submissions/" + id + "/attachments/" + attachment)
                            .with(httpBasic("oldenburg-backoffice", "demo"))
                            .exchange()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(404);

            MvcTestResult json = mvc.get()
                    .uri("/api/v1/submissions/" + id + "/export.json")
                    .with(httpBasic("artland-backoffice", "demo"))
                    .exchange();
            assertThat(body(json)).contains("\"trackingCode\":\"" + code + "\"", "\"version\":1", "Erika Mustermann");
            MvcTestResult pdf = mvc.get()
                    .uri("/api/v1/submissions/" + id + "/export.pdf")
                    .with(httpBasic("artland-backoffice", "demo"))
                    .exchange();
            try (var doc = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
                assertThat(new PDFTextStripper().getText(doc))
                        .contains(code, "Erika Mustermann", "Samtgemeinde Artland", "Bitte Impfpass nachreichen.");
            }
        }

        @Test
        void givenTheFormChangedMeanwhile_thenTheSubmissionIsShownAndValidAgainstItsOwnVersion() {
            String code = read(submit(VALID, proof("n.pdf", TestForms.PDF)), "$.trackingCode");
            new TestForms(store).changeForm(artland, formKey);
            assertThat(forms.current(artland, formKey).orElseThrow().version()).isEqualTo(2);
            UUID id = jdbc.queryForObject(
                    "select id from application_submission where tracking_code = ?", UUID.class, code);

            MvcTestResult view = mvc.get()
                    .uri("/api/v1/submissions/" + id)
                    .with(httpBasic("artland-backoffice", "demo"))
                    .exchange();
            assertThat(body(view)).contains("\"formVersion\":1");
            Map<String, List<String>> answers = Map.of(
                    "name", List.of("Erika Mustermann"),
                    "email", List.of("erika@example.org"),
                    "proof", List.of("a-file"));
            assertThat(FormValidator.validate(
                            forms.version(artland, formKey, 1).orElseThrow(), answers, LocalDate.now()))
                    .isEmpty();
            assertThat(FormValidator.validate(forms.current(artland, formKey).orElseThrow(), answers, LocalDate.now()))
                    .extracting(FieldProblem::fieldId)
                    .containsExactly("birthDate");
            // and it is processed as usual
            assertThat(status(id, "{\"status\":\"IN_PROGRESS\"}").getResponse().getStatus())
                    .isEqualTo(200);
        }

        MvcTestResult status(UUID id, String json) {
            return mvc.post()
                    .uri("/api/v1/submissions/" + id + "/status")
                    .with(httpBasic("artland-backoffice", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json)
                    .exchange();
        }
    }

    @Nested
    class Retention {

        @Test
        void givenASubmissionCompletedLongerAgoThanTheRetention_thenItAndItsFilesAreDeleted() {
            String code = read(submit(VALID, proof("n.pdf", TestForms.PDF)), "$.trackingCode");
            UUID id = jdbc.queryForObject(
                    "select id from application_submission where tracking_code = ?", UUID.class, code);
            String attachment = jdbc.queryForObject(
                    "select cast(id as varchar) from application_attachment where submission_id = ?", String.class, id);
            Path file = dataDirectory.resolve("applications/attachments").resolve(attachment);
            assertThat(file).exists();
            jdbc.update(
                    "update application_submission set status = 'COMPLETED', completed_at = ? where id = ?",
                    Timestamp.from(Instant.now().minus(Duration.ofDays(400))),
                    id);

            assertThat(retention.run()).isGreaterThanOrEqualTo(1);

            assertThat(jdbc.queryForObject(
                            "select count(*) from application_submission where id = ?", Integer.class, id))
                    .isZero();
            assertThat(jdbc.queryForObject(
                            "select count(*) from application_attachment where submission_id = ?", Integer.class, id))
                    .isZero();
            assertThat(file).doesNotExist();
        }
    }
}
