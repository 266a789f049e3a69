package de.buergerservice.applications.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.buergerservice.applications.FormInfo;
import de.buergerservice.applications.internal.fim.FimImport;
import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeCatalog;
import de.buergerservice.shared.security.SystemActor;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * Demo forms (embedded default only): Artland's "Anmeldung eines Hundes", published and linked to the demo service
 * "Hund anmelden (Hundesteuer)", and the FIM sample "Natürliche Person" imported from
 * {@code buergerservice.applications.fim-samples} (the project's shared sample folder) when it is there. Runs after the knowledge demo data, whose service it links to.
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
    private final Path samples;
    private static final Logger log = LoggerFactory.getLogger(ApplicationsDemoData.class);

    ApplicationsDemoData(
            TenantDirectory tenants,
            KnowledgeCatalog knowledge,
            FormStore forms,
            @Value("${buergerservice.applications.fim-samples:../shared/data/fim}") String samples) {
        // a String, not a Path: in a web server context Spring converts a Path through the servlet context,
        // which refuses "../"
        this.samples = Path.of(samples);
        this.tenants = tenants;
        this.knowledge = knowledge;
        this.forms = forms;
    }

    @Override
    public void run(ApplicationArguments args) {
        tenants.findBySlug("artland")
                .ifPresent(artland -> SystemActor.run(() -> {
                    dogForm(artland);
                    fimForm(artland);
                }));
    }

    /** The FIM sample "Natürliche Person" (XDatenfelder 2.0), only where the sample folder is present. */
    private void fimForm(TenantInfo artland) {
        Path sample = samples.resolve("xdf2").resolve("simple.xml");
        if (!Files.isRegularFile(sample)) {
            return;
        }
        try {
            FimImport.Result result = FimImport.read(Files.readAllBytes(sample));
            if (forms.find(artland.id(), result.form().formKey()).isPresent()) {
                return;
            }
            FormInfo form = forms.save(artland.id(), null, result.form(), SystemActor.NAME);
            forms.publish(artland.id(), form.formKey(), form.latestVersion());
        } catch (IOException | FimImport.FimRefused e) {
            log.warn("FIM sample {} not imported: {}", sample, e.getMessage());
        }
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
