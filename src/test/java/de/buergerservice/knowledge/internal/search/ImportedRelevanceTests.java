package de.buergerservice.knowledge.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import de.buergerservice.IntegrationTest;
import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeSearch;
import de.buergerservice.knowledge.internal.ImportReport;
import de.buergerservice.knowledge.internal.KnowledgeImports;
import de.buergerservice.shared.security.SystemActor;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The relevance measurement end to end, as the product runs it: the real Munich DLDB file goes through the
 * knowledge module's importer into a municipality of its own, the index picks it up from the change events, the
 * municipality gets the starting synonym list, and every phrasing is asked through {@link KnowledgeSearch}
 * (citizen audience), for the tuning set and the held-out set. The municipality also sees the shared demo
 * catalogue, as a real one would. Fails below hit@3 = {@value RelevanceTests#REQUIRED_HIT_AT_3} (tuning set) or
 * {@value RelevanceTests#REQUIRED_HELD_OUT_HIT_AT_3} (held-out set). Runs in an application
 * context of its own so that 287 extra services do not change what other tests see.
 */
@IntegrationTest
@TestPropertySource(properties = "buergerservice.test.context=imported-relevance")
class ImportedRelevanceTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    KnowledgeImports imports;

    @Autowired
    KnowledgeSearch search;

    @Autowired
    KnowledgeIndex index;

    @Autowired
    SynonymService synonyms;

    @Autowired
    TenantDirectory tenants;

    @Test
    void importedMunichCatalogueFindsTheRightServiceAmongTheFirstThree() throws IOException {
        Assumptions.assumeTrue(
                MunichCatalogue.present(),
                () -> MunichCatalogue.FILE.toAbsolutePath() + " absent, relevance test skipped");
        RelevanceTests.thesaurus(); // the product reads it from the same default path
        assertThat(mvc.post()
                        .uri("/api/v1/tenants")
                        .with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"slug": "muenchen", "name": "Landeshauptstadt München", "type": "CITY", "ags": "09162000",
                         "federalState": "BY", "phoneNumbers": ["+498923300"],
                         "greeting": "Landeshauptstadt München, Bürgerservice, grüß Gott",
                         "openingHours": {"weekly": {}, "exceptions": []}}"""))
                .hasStatus(201);
        UUID munich = tenants.findBySlug("muenchen").orElseThrow().id();
        // published by the system, as the operator's command-line import does: the test measures the catalogue in force
        ImportReport[] imported = new ImportReport[1];
        SystemActor.run(() -> {
            try {
                imported[0] = imports.importFile(MunichCatalogue.FILE, "muenchen", KnowledgeImports.Format.DLDB, true);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        ImportReport report = imported[0];
        assertThat(report.created()).isEqualTo(287);
        SystemActor.run(() -> synonyms.seed(munich, SynonymSeed.load()));
        index.awaitIdle();

        RelevanceTests.Score tuning = score(munich, RelevanceTests.phrasings());
        RelevanceTests.Score heldOut = score(munich, RelevanceTests.phrasings(RelevanceTests.HELD_OUT));
        System.out.printf(
                "RELEVANCE imported through the DLDB importer, searched via KnowledgeSearch:%n"
                        + "  tuning set:   %s%n  held-out set: %s%n",
                tuning, heldOut);
        assertThat(tuning.at3())
                .as("hit@3 of the product search on the imported catalogue, tuning set")
                .isGreaterThanOrEqualTo(RelevanceTests.REQUIRED_HIT_AT_3);
        assertThat(heldOut.at3())
                .as("hit@3 of the product search on the imported catalogue, held-out set")
                .isGreaterThanOrEqualTo(RelevanceTests.REQUIRED_HELD_OUT_HIT_AT_3);
    }

    /** hit@1 and hit@3 as totals only: no misses are listed here, for either set. */
    private RelevanceTests.Score score(UUID munich, List<RelevanceTests.Phrasing> phrasings) {
        int at1 = 0;
        int at3 = 0;
        for (RelevanceTests.Phrasing p : phrasings) {
            List<String> ids = search.search(munich, p.query(), 3, Audience.PUBLIC).hits().stream()
                    .map(hit -> String.valueOf(hit.externalId()))
                    .toList();
            at1 += !ids.isEmpty() && p.expectedIds().contains(ids.get(0)) ? 1 : 0;
            at3 += ids.stream().anyMatch(p.expectedIds()::contains) ? 1 : 0;
        }
        return new RelevanceTests.Score(at1, at3, phrasings.size());
    }
}
