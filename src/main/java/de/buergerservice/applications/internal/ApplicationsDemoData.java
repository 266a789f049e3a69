package de.buergerservice.applications.internal;

import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.buergerservice.applications.FormInfo;
import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeCatalog;
import de.buergerservice.shared.security.SystemActor;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * Demo forms (embedded default only): Artland's "Anmeldung eines Hundes", published and linked to the demo service
 * "Hund anmelden (Hundesteuer)". Runs after the knowledge demo data, whose service it links to.
 */
@Component
@ConditionalOnBooleanProperty("buergerservice.demo-data")
@Order(ApplicationsDemoData.ORDER)
class ApplicationsDemoData implements ApplicationRunner {

    static final int ORDER = 50;
    static final String DOG_SERVICE = "Hund anmelden (Hundesteuer)";

    private final TenantDirectory tenants;
    private final KnowledgeCatalog knowledge;
    private final FormStore forms;

    ApplicationsDemoData(TenantDirectory tenants, KnowledgeCatalog knowledge, FormStore forms) {
        this.tenants = tenants;
        this.knowledge = knowledge;
        this.forms = forms;
    }

    @Override
    public void run(ApplicationArguments args) {
        tenants.findBySlug("artland").ifPresent(artland -> SystemActor.run(() -> dogForm(artland)));
    }

    private void dogForm(TenantInfo artland) {
        if (forms.find(artland.id(), DogRegistrationForm.KEY).isPresent()) {
            return;
        }
        UUID service = knowledge.list(artland.id(), Audience.STAFF).stream()
                .filter(view -> view.title().equals(DOG_SERVICE))
                .map(view -> view.id())
                .findFirst()
                .orElse(null);
        FormInfo form = forms.save(artland.id(), service, DogRegistrationForm.definition(), SystemActor.NAME);
        forms.publish(artland.id(), form.formKey(), form.latestVersion());
    }
}
