package de.buergerservice.knowledge;

import static de.buergerservice.Responses.read;
import static de.buergerservice.knowledge.Editors.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.IntegrationTest;

/**
 * Importing service descriptions: the real Munich DLDB export (287 services), re-import without touching a
 * tenant's override, a CSV catalogue, progress of a background import, and files that are refused as a whole.
 */
@IntegrationTest
class KnowledgeImportTests {

    static final Path MUNICH = Path.of("..", "shared", "data", "dldb-muenchen", "services_de.json");
    static final String IMPORTS = "/api/v1/tenants/artland/knowledge/imports";

    @Autowired
    MockMvcTester mvc;

    @BeforeEach
    void editor() {
        Editors.ensure(mvc);
    }

    @Autowired
    JdbcTemplate jdbc;

    MvcTestResult upload(String query, String user, byte[] file) {
        return mvc.post()
                .uri(IMPORTS + query)
                .multipart()
                .file(new MockMultipartFile("file", "services.json", "application/octet-stream", file))
                .with(Editors.as(user))
                .exchange();
    }

    static byte[] munich() throws IOException {
        Assumptions.assumeTrue(
                Files.isReadable(MUNICH),
                "Munich DLDB export " + MUNICH.toAbsolutePath().normalize() + " absent, skipped");
        return Files.readAllBytes(MUNICH);
    }

    int services() {
        return jdbc.queryForObject("select count(*) from knowledge_service", Integer.class);
    }

    @Test
    void givenMunichExport_thenImportedAndReimportKeepsTheTenantsOverride() throws IOException {
        byte[] file = munich();
        MvcTestResult first = upload("?format=dldb", EDITOR, file);
        assertThat(first).hasStatusOk();
        int created = read(first, "$.created");
        int unchangedBefore = read(first, "$.unchanged");
        assertThat(created + unchangedBefore).isEqualTo(287);
        assertThat(first).bodyJson().extractingPath("$.target").isEqualTo("catalogue");
        assertThat(first).bodyJson().extractingPath("$.warnings[0].field").isEqualTo("leika");

        String id = jdbc.queryForObject(
                "select cast(id as varchar) from knowledge_service "
                        + "where source = 'dldb' and external_id = '1063423'",
                String.class);
        MvcTestResult service = mvc.get()
                .uri("/api/v1/tenants/artland/knowledge/services/" + id)
                .with(Editors.as("agent1"))
                .exchange();
        assertThat(service).bodyJson().extractingPath("$.leikaKey").isEqualTo("99050012104000");
        assertThat(service).bodyJson().extractingPath("$.synonyms").asArray().contains("Gewerbeschein verloren");
        assertThat(service).bodyJson().extractingPath("$.state").isEqualTo("PUBLISHED");
        assertThat(mvc.put()
                        .uri("/api/v1/tenants/artland/knowledge/services/" + id + "/override")
                        .with(Editors.as(EDITOR))
                        .contentType("application/json")
                        .content("{\"title\": \"Gewerbe anmelden im Artland\"}"))
                .hasStatusOk();

        byte[] changed = new String(file, StandardCharsets.UTF_8)
                .replace("\"name\": \"Gewerbe-Anmeldung\"", "\"name\": \"Gewerbe anmelden\"")
                .replace("\"name\":\"Gewerbe-Anmeldung\"", "\"name\":\"Gewerbe anmelden\"")
                .getBytes(StandardCharsets.UTF_8);
        MvcTestResult again = upload("?format=dldb", EDITOR, changed);
        assertThat(again).hasStatusOk().bodyJson().extractingPath("$.updated").isEqualTo(1);
        assertThat(again).bodyJson().extractingPath("$.unchanged").isEqualTo(286);
        assertThat(mvc.get()
                        .uri("/api/v1/tenants/artland/knowledge/services/" + id)
                        .with(Editors.as("agent1")))
                .bodyJson()
                .extractingPath("$.title")
                .isEqualTo("Gewerbe anmelden im Artland");
        assertThat(mvc.get()
                        .uri("/api/v1/tenants/oldenburg/knowledge/services/" + id)
                        .with(Editors.as("agent1")))
                .bodyJson()
                .extractingPath("$.title")
                .isEqualTo("Gewerbe anmelden");
    }

    @Test
    void givenBrokenRecords_thenReportNamesRecordAndFieldAndNothingIsWritten() {
        int before = services();
        String file = """
                {"meta": {}, "data": [
                  {"id": "1", "name": "Gute Leistung", "description": "<p>gut</p>", "leika": "99050012104000",
                   "meta": {"keywords": "a, b"}, "forms": [], "links": []},
                  {"id": "2", "name": "", "description": "<p>x</p>", "leika": "12345", "forms": [], "links": []},
                  {"id": "3", "name": "Dritte", "forms": [{"name": "Antrag", "link": "nur-text"}], "links": []}
                ]}""";
        MvcTestResult result = upload("?format=dldb", EDITOR, file.getBytes(StandardCharsets.UTF_8));
        assertThat(result).hasStatus(422).bodyJson().extractingPath("$.status").isEqualTo("REJECTED");
        List<Map<String, Object>> failures = read(result, "$.failures");
        assertThat(failures)
                .extracting(f -> f.get("record") + ":" + f.get("field"))
                .containsExactlyInAnyOrder("2:name", "2:leika", "3:forms[0].link");
        assertThat(failures)
                .filteredOn(f -> f.get("field").equals("leika"))
                .singleElement()
                .satisfies(f -> assertThat(f.get("message"))
                        .isEqualTo("Der LeiKa-Schlüssel besteht aus 14 Ziffern und beginnt mit 99."));
        assertThat(services()).isEqualTo(before);
    }

    @Test
    void givenNoJson_thenTheFileIsRejected() {
        MvcTestResult result = upload("?format=dldb", EDITOR, "<html>".getBytes(StandardCharsets.UTF_8));
        assertThat(result)
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.failures[0].field")
                .isEqualTo("file");
        assertThat(upload("?format=dldb", EDITOR, "{\"data\": 5}".getBytes(StandardCharsets.UTF_8)))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.failures[0].field")
                .isEqualTo("data");
    }

    @Test
    void givenCsvCatalogue_thenTenantEntriesWithDepartment() {
        String csv = """
                title;synonyms;text;department
                Brauchtumsfeuer anmelden;Osterfeuer|Feuer;"Osterfeuer melden Sie zwei Wochen vorher an.

                Bitte Lageplan beifügen.";Ordnungsamt
                Fundsache abgeben;Fundbüro;Fundsachen nimmt das Bürgerbüro an.;bürgerbüro
                """;
        MvcTestResult result = upload("?format=csv", EDITOR, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.target").isEqualTo("artland");
        assertThat(result).bodyJson().extractingPath("$.created").isEqualTo(2);
        List<Map<String, Object>> found = read(
                mvc.get()
                        .uri("/api/v1/tenants/artland/knowledge/services?q=Brauchtumsfeuer")
                        .with(Editors.as("agent1"))
                        .exchange(),
                "$[?(@.title == 'Brauchtumsfeuer anmelden')]");
        assertThat(found).singleElement().satisfies(service -> {
            assertThat(service.get("catalogue")).isEqualTo(false);
            assertThat(service.get("departmentId")).isNotNull();
            assertThat(service.get("body"))
                    .isEqualTo("<p>Osterfeuer melden Sie zwei Wochen vorher an.</p><p>Bitte Lageplan beifügen.</p>");
        });
        assertThat(upload("?format=csv", EDITOR, csv.getBytes(StandardCharsets.UTF_8)))
                .bodyJson()
                .extractingPath("$.unchanged")
                .isEqualTo(2);
    }

    @Test
    void givenCsvWithUnknownDepartment_thenRejected() {
        String csv = "title,text,department\nKita-Platz,Text,Jugendamt\n";
        assertThat(upload("?format=csv", EDITOR, csv.getBytes(StandardCharsets.UTF_8)))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.failures[0].field")
                .isEqualTo("department");
    }

    @Test
    void givenAsyncImport_thenProgressCanBePolled() throws Exception {
        String csv = "title,text\nSchiedsamt,Streit schlichten\n";
        MvcTestResult started = upload("?format=csv&async=true", EDITOR, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(started).hasStatus(202);
        String location = started.getResponse().getHeader("Location");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String status;
        MvcTestResult job;
        do {
            Thread.sleep(50);
            job = mvc.get().uri(location).with(Editors.as(EDITOR)).exchange();
            status = read(job, "$.status");
        } while (status.equals("RUNNING") && System.nanoTime() < deadline);
        assertThat(job).bodyJson().extractingPath("$.status").isEqualTo("DONE");
        assertThat(job).bodyJson().extractingPath("$.processed").isEqualTo(1);
        assertThat(job).bodyJson().extractingPath("$.report.status").isEqualTo("APPLIED");
    }

    @Test
    void givenTheSameIdTwice_thenRejected() {
        String file = """
                {"data": [{"id": "5", "name": "Eins"}, {"id": "5", "name": "Zwei"}]}""";
        assertThat(upload("?format=dldb", EDITOR, file.getBytes(StandardCharsets.UTF_8)))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.failures[0]")
                .isEqualTo(Map.of(
                        "record",
                        2,
                        "externalId",
                        "5",
                        "title",
                        "Zwei",
                        "field",
                        "id",
                        "message",
                        "Diese Kennung kommt in der Datei mehrfach vor."));
    }

    @Test
    void givenUnknownImportJob_thenNotFound() {
        assertThat(mvc.get().uri(IMPORTS + "/" + java.util.UUID.randomUUID()).with(Editors.as(EDITOR)))
                .hasStatus(404);
    }

    @Test
    void givenUnknownFormat_thenProblemNamesTheField() {
        assertThat(upload("?format=xml", EDITOR, new byte[] {1}))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("format");
    }

    @Test
    void givenCsvIntoTheCatalogue_thenProblemNamesTheField() {
        assertThat(upload("?format=csv&target=catalogue", EDITOR, "title\nx\n".getBytes(StandardCharsets.UTF_8)))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("target");
    }

    @Test
    void givenEmptyFile_thenProblemNamesTheField() {
        assertThat(upload("?format=csv", EDITOR, new byte[0]))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("file");
    }

    @Test
    void givenAgent_thenNoImport() {
        assertThat(upload("?format=csv", "agent1", "title\nx\n".getBytes(StandardCharsets.UTF_8)))
                .hasStatus(403);
    }
}
