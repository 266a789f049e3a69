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
 * Importing service descriptions: the real Munich DLDB export (287 services) arriving for review and published in
 * bulk by a second person, re-import as a working copy without touching a tenant's override, a CSV catalogue,
 * progress of a background import, and files that are refused as a whole.
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

    List<String> dldbIds() {
        return jdbc.queryForList(
                "select cast(id as varchar) from knowledge_service where source = 'dldb' and tenant_id is null",
                String.class);
    }

    MvcTestResult transitionAll(String user, List<String> ids, String state) {
        return mvc.post()
                .uri("/api/v1/tenants/artland/knowledge/services/state")
                .with(Editors.as(user))
                .contentType("application/json")
                .content("{\"ids\": [%s], \"state\": \"%s\"}"
                        .formatted(
                                String.join(
                                        ",",
                                        ids.stream().map(id -> "\"" + id + "\"").toList()),
                                state))
                .exchange();
    }

    @Test
    void givenMunichExport_thenItArrivesForReviewAndAnotherPersonPublishesItInBulk() throws IOException {
        byte[] file = munich();
        // a person cannot publish their own import under the four-eyes rule
        assertThat(upload("?format=dldb&target=catalogue&publish=true", EDITOR, file))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("publish");

        MvcTestResult first = upload("?format=dldb", EDITOR, file);
        assertThat(first).hasStatusOk();
        int created = read(first, "$.created");
        int unchangedBefore = read(first, "$.unchanged");
        assertThat(created + unchangedBefore).isEqualTo(287);
        assertThat(first).bodyJson().extractingPath("$.target").isEqualTo("catalogue");
        assertThat(first).bodyJson().extractingPath("$.warnings[0].field").isEqualTo("leika");
        assertThat(jdbc.queryForObject(
                        "select count(*) from knowledge_service where source = 'dldb' and state <> 'IN_REVIEW'",
                        Integer.class))
                .isZero();

        String id = jdbc.queryForObject(
                "select cast(id as varchar) from knowledge_service "
                        + "where source = 'dldb' and external_id = '1063423'",
                String.class);
        String artlandService = "/api/v1/tenants/artland/knowledge/services/" + id;
        // nothing of it reaches the municipalities' agents before review
        assertThat(mvc.get().uri(artlandService).with(Editors.as("agent1"))).hasStatus(404);
        assertThat(mvc.get().uri(artlandService).with(Editors.as(EDITOR)))
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("IN_REVIEW");

        // the importer's bulk publish is refused record by record, with the reason in German
        List<String> all = dldbIds();
        MvcTestResult own = transitionAll(EDITOR, all, "PUBLISHED");
        assertThat(own).hasStatusOk();
        List<Boolean> done = read(own, "$[*].done");
        assertThat(done).hasSize(287).containsOnly(false);
        assertThat(own).bodyJson().extractingPath("$[0].message").asString().startsWith("Vier-Augen-Prinzip");
        assertThat(mvc.get().uri(artlandService).with(Editors.as("agent1"))).hasStatus(404);

        // a second person publishes all of them at once
        MvcTestResult published = transitionAll("admin", all, "PUBLISHED");
        List<Boolean> publishedDone = read(published, "$[*].done");
        assertThat(publishedDone).hasSize(287).containsOnly(true);
        MvcTestResult service =
                mvc.get().uri(artlandService).with(Editors.as("agent1")).exchange();
        assertThat(service).bodyJson().extractingPath("$.leikaKey").isEqualTo("99050012104000");
        assertThat(service).bodyJson().extractingPath("$.synonyms").asArray().contains("Gewerbeschein verloren");
        assertThat(service).bodyJson().extractingPath("$.state").isEqualTo("PUBLISHED");
        assertThat(mvc.put()
                        .uri(artlandService + "/override")
                        .with(Editors.as(EDITOR))
                        .contentType("application/json")
                        .content("{\"title\": \"Gewerbe anmelden im Artland\"}"))
                .hasStatusOk();
        assertThat(mvc.post().uri(artlandService + "/override/approval").with(Editors.as("admin")))
                .hasStatusOk();

        // a changed record of a published service is a working copy in review: the published content stays in force
        byte[] changed = new String(file, StandardCharsets.UTF_8)
                .replace("\"name\": \"Gewerbe-Anmeldung\"", "\"name\": \"Gewerbe anmelden\"")
                .replace("\"name\":\"Gewerbe-Anmeldung\"", "\"name\":\"Gewerbe anmelden\"")
                .getBytes(StandardCharsets.UTF_8);
        MvcTestResult again = upload("?format=dldb", EDITOR, changed);
        assertThat(again).hasStatusOk().bodyJson().extractingPath("$.updated").isEqualTo(1);
        assertThat(again).bodyJson().extractingPath("$.unchanged").isEqualTo(286);
        String oldenburgService = "/api/v1/tenants/oldenburg/knowledge/services/" + id;
        MvcTestResult inForce =
                mvc.get().uri(oldenburgService).with(Editors.as("agent1")).exchange();
        assertThat(inForce).bodyJson().extractingPath("$.title").isEqualTo("Gewerbe-Anmeldung");
        assertThat(inForce).bodyJson().extractingPath("$.workingCopy").isEqualTo(true);
        assertThat(transitionAll("admin", List.of(id), "PUBLISHED")).hasStatusOk();
        assertThat(mvc.get().uri(artlandService).with(Editors.as("agent1")))
                .bodyJson()
                .extractingPath("$.title")
                .isEqualTo("Gewerbe anmelden im Artland");
        assertThat(mvc.get().uri(oldenburgService).with(Editors.as("agent1")))
                .bodyJson()
                .extractingPath("$.title")
                .isEqualTo("Gewerbe anmelden");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where entity_type = 'KnowledgeImport'", Integer.class))
                .isGreaterThanOrEqualTo(2);
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
        String search = "/api/v1/tenants/artland/knowledge/services";
        // in review: the editor finds it, agents do not until a second person published it
        List<Object> forAgents = read(
                mvc.get().uri(search).with(Editors.as("agent1")).exchange(),
                "$[?(@.title == 'Brauchtumsfeuer anmelden')]");
        assertThat(forAgents).isEmpty();
        List<String> ids = read(
                mvc.get().uri(search).with(Editors.as(EDITOR)).exchange(),
                "$[?(@.title == 'Brauchtumsfeuer anmelden' && @.state == 'IN_REVIEW')].id");
        assertThat(ids).hasSize(1);
        assertThat(transitionAll("admin", ids, "PUBLISHED")).hasStatusOk();
        List<Map<String, Object>> found = read(
                mvc.get().uri(search).with(Editors.as("agent1")).exchange(),
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
