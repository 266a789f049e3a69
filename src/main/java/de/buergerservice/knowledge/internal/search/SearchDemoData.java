package de.buergerservice.knowledge.internal.search;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.buergerservice.shared.security.SystemActor;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * Demo data (embedded default only): the general starting list as the ServiceCenter-wide synonyms, and a local word
 * for each demo municipality. A municipality created later starts with the ServiceCenter-wide list alone.
 */
@Component
@ConditionalOnBooleanProperty("buergerservice.demo-data")
@Order(SearchDemoData.ORDER)
class SearchDemoData implements ApplicationRunner {

    static final int ORDER = 35;

    private final TenantDirectory tenants;
    private final SynonymService synonyms;

    SearchDemoData(TenantDirectory tenants, SynonymService synonyms) {
        this.tenants = tenants;
        this.synonyms = synonyms;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemActor.run(() -> {
            synonyms.seedShared(SynonymSeed.general());
            tenants.findBySlug("artland")
                    .ifPresent(artland -> synonyms.seed(
                            artland.id(), List.of(new SearchSynonym("steuermarke", List.of("Hundesteuer")))));
            tenants.findBySlug("oldenburg")
                    .ifPresent(oldenburg -> synonyms.seed(
                            oldenburg.id(),
                            List.of(new SearchSynonym("bewohnerparken", List.of("Bewohnerparkausweis")))));
        });
    }
}
