package de.buergerservice.knowledge.internal.search;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.buergerservice.shared.security.SystemActor;
import de.buergerservice.tenancy.TenantDirectory;

/** Demo data (embedded default only): the starting synonym list for every demo tenant that has none yet. */
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
        var seed = SynonymSeed.load();
        SystemActor.run(() -> tenants.findAll().forEach(tenant -> synonyms.seed(tenant.id(), seed)));
    }
}
