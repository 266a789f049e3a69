package de.buergerservice.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;

import de.buergerservice.IntegrationTest;
import de.buergerservice.knowledge.internal.search.IndexedService;
import de.buergerservice.tenancy.TenantDirectory;

/** The search index's document source reads the catalogue page by page and merges it for every tenant. */
@IntegrationTest
class IndexSourceTests {

    @Autowired
    KnowledgeCatalogService source;

    @Autowired
    TenantDirectory tenants;

    @Test
    void givenSmallPages_thenTheSameDocumentsAsInOnePage() {
        List<String> onePage = source.all().map(IndexSourceTests::key).sorted().toList();
        List<String> smallPages =
                source.all(Limit.of(3)).map(IndexSourceTests::key).sorted().toList();
        assertThat(smallPages).isEqualTo(onePage).doesNotHaveDuplicates();
        assertThat(onePage).hasSizeGreaterThanOrEqualTo(10 * tenants.findAll().size());
    }

    static String key(IndexedService service) {
        return service.tenantId() + "/" + service.serviceId() + "/" + service.title();
    }
}
