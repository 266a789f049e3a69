package de.buergerservice.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;

import de.buergerservice.knowledge.internal.search.KnowledgeIndex;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The knowledge module with what it depends on (tenancy, the shared kernel): what the agent desk and the citizen
 * portal will read through its API — the merged catalogue of one municipality and the German search over it.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "shared")
@ActiveProfiles("test")
class KnowledgeModuleTests {

    @Autowired
    KnowledgeCatalog catalog;

    @Autowired
    KnowledgeSearch search;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    KnowledgeIndex index;

    @Test
    void citizensAndAgentsSeeWhatIsInForceAndOnlyAgentsTheNotes() {
        UUID artland = tenants.findBySlug("artland").orElseThrow().id();

        assertThat(catalog.list(artland, Audience.PUBLIC))
                .isNotEmpty()
                .allSatisfy(service -> {
                    assertThat(service.state()).isEqualTo(ServiceState.PUBLISHED);
                    assertThat(service.internalNotes()).isNull();
                })
                .extracting(ServiceView::title)
                .doesNotContain("Geburtsurkunde");
        // agents read what is in force too (a never-published draft is not an answer), with the local notes
        assertThat(catalog.list(artland, Audience.STAFF))
                .allSatisfy(service -> assertThat(service.state()).isEqualTo(ServiceState.PUBLISHED))
                .anyMatch(service -> service.internalNotes() != null);
    }

    @Test
    void theSearchUnderstandsHowCallersSpeak() {
        UUID artland = tenants.findBySlug("artland").orElseThrow().id();
        // the demo data is indexed by the index's own thread after start; a loaded machine may not be there yet
        index.awaitIdle();

        assertThat(search.search(artland, "Perso verloren", 3, Audience.PUBLIC).hits())
                .extracting(KnowledgeHit::title)
                .anyMatch(title -> title.contains("Personalausweis"));
    }
}
