package de.buergerservice.portal.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeCatalog;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.shared.security.SystemActor;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/** Demo portals of Oldenburg and Artland: address, legal links, most asked services, Leichte Sprache. */
@Component
@ConditionalOnBooleanProperty("buergerservice.demo-data")
@Order(PortalDemoData.ORDER)
class PortalDemoData implements ApplicationRunner {

    static final int ORDER = 60;

    private static final Set<String> FEATURED =
            Set.of("Personalausweis beantragen", "Reisepass beantragen", "Wohnsitz anmelden", "Sperrmüll anmelden");

    private final TenantDirectory tenants;
    private final KnowledgeCatalog catalog;
    private final BrandingStore store;
    private final BrandingService branding;

    PortalDemoData(TenantDirectory tenants, KnowledgeCatalog catalog, BrandingStore store, BrandingService branding) {
        this.tenants = tenants;
        this.catalog = catalog;
        this.store = store;
        this.branding = branding;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemActor.run(() -> {
            tenants.findBySlug("oldenburg")
                    .ifPresent(t ->
                            load(t, "#005a9c", "Stadt Oldenburg, Bürgerbüro Mitte, Pferdemarkt 14, 26121 Oldenburg"));
            tenants.findBySlug("artland")
                    .ifPresent(t -> load(t, "#2b6a30", "Samtgemeinde Artland, Markt 1, 49610 Quakenbrück"));
        });
    }

    private void load(TenantInfo tenant, String colour, String address) {
        if (store.find(tenant.id()).isPresent()) {
            return;
        }
        String site = tenant.websiteUrl() == null
                ? "https://www.example.org"
                : tenant.websiteUrl().toString();
        List<UUID> featured = catalog.list(tenant.id(), Audience.PUBLIC).stream()
                .filter(s -> FEATURED.contains(s.title()))
                .map(ServiceView::id)
                .toList();
        branding.save(
                tenant.id(),
                new BrandingData(
                        colour,
                        address,
                        site + "/impressum",
                        site + "/datenschutz",
                        "barrierefreiheit@" + tenant.slug() + ".example",
                        "Hier finden Sie Informationen in Leichter Sprache.\n\n"
                                + "Sie möchten etwas von der Verwaltung?\nDann rufen Sie uns an.\n"
                                + "Oder schreiben Sie uns über das Kontakt-Formular.\n\n"
                                + "Wir helfen Ihnen gern.",
                        "Hier erklären wir in Deutscher Gebärdensprache, was Sie auf diesen Seiten finden "
                                + "und wie Sie uns erreichen.",
                        null,
                        featured));
    }
}
