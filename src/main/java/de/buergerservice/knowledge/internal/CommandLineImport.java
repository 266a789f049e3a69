package de.buergerservice.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.buergerservice.knowledge.internal.KnowledgeImports.Format;
import de.buergerservice.shared.security.SystemActor;

/**
 * The command-line import: {@code --buergerservice.knowledge.import=<file>} (optionally
 * {@code --buergerservice.knowledge.import-tenant=<slug>}, {@code --buergerservice.knowledge.import-format=dldb|csv})
 * imports the file at start-up, after the demo data, and logs the report. Like every import, the records arrive
 * for review; {@code --buergerservice.knowledge.import-publish=true} publishes them at once (the operator, as the
 * system, is no person under the four-eyes rule). With
 * {@code --buergerservice.knowledge.import-exit=true} the application ends afterwards (exit code 0). A rejected
 * file fails start-up, so a script sees a non-zero exit code.
 */
@Component
@ConditionalOnProperty("buergerservice.knowledge.import")
@Order(50)
class CommandLineImport implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CommandLineImport.class);

    private final KnowledgeImports imports;
    private final KnowledgeProperties properties;
    private final ConfigurableApplicationContext context;

    CommandLineImport(
            KnowledgeImports imports, KnowledgeProperties properties, ConfigurableApplicationContext context) {
        this.imports = imports;
        this.properties = properties;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        Path file = Path.of(properties.importFile());
        Format format =
                properties.importFormat() == null || properties.importFormat().isBlank()
                        ? file.toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? Format.CSV : Format.DLDB
                        : Format.parse(properties.importFormat());
        // operators of a German municipality read the report in German, whatever the server's locale
        org.springframework.context.i18n.LocaleContextHolder.setLocale(Locale.GERMAN);
        ImportReport[] report = new ImportReport[1];
        SystemActor.run(() -> {
            try {
                report[0] = imports.importFile(file, properties.importTenant(), format, properties.importPublish());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        });
        report[0]
                .failures()
                .forEach(problem -> LOG.error(
                        "Record {} ({} „{}“) field {}: {}",
                        problem.record(),
                        problem.externalId(),
                        problem.title(),
                        problem.field(),
                        problem.message()));
        report[0]
                .warnings()
                .forEach(problem -> LOG.warn(
                        "Record {} ({} „{}“) field {}: {}",
                        problem.record(),
                        problem.externalId(),
                        problem.title(),
                        problem.field(),
                        problem.message()));
        if (report[0].status() == ImportReport.Status.REJECTED) {
            throw new IllegalStateException(
                    "Import of " + file + " rejected: " + report[0].failures().size() + " problem(s), nothing written");
        }
        if (properties.importExit()) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
