package de.buergerservice.knowledge.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.knowledge.ServiceLink;
import de.buergerservice.knowledge.ServiceState;
import de.buergerservice.shared.BerlinTime;
import de.buergerservice.shared.security.SystemActor;
import de.buergerservice.tenancy.DepartmentInfo;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * Demo knowledge (embedded default only): ten service descriptions written for the demo in the shared catalogue —
 * published as if reviewed, one still a draft, one overdue for review — plus Artland's and Oldenburg's local
 * departments, notes and overrides, and one service Oldenburg has on its own (Bewohnerparkausweis).
 */
@Component
@ConditionalOnBooleanProperty("buergerservice.demo-data")
@Order(KnowledgeDemoData.ORDER)
class KnowledgeDemoData implements ApplicationRunner {

    static final int ORDER = 30;

    private final ServiceEntryRepository entries;
    private final Revisions revisions;
    private final ServiceOverrideRepository overrides;
    private final TenantDirectory tenants;
    private final TransactionTemplate transaction;
    private final Clock clock;

    KnowledgeDemoData(
            ServiceEntryRepository entries,
            Revisions revisions,
            ServiceOverrideRepository overrides,
            TenantDirectory tenants,
            TransactionTemplate transaction,
            Clock clock) {
        this.entries = entries;
        this.revisions = revisions;
        this.overrides = overrides;
        this.tenants = tenants;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (entries.count() == 0
                && tenants.findBySlug("oldenburg").isPresent()
                && tenants.findBySlug("artland").isPresent()) {
            SystemActor.run(() -> transaction.executeWithoutResult(status -> load()));
        }
    }

    private void load() {
        LocalDate today = LocalDate.now(clock.withZone(BerlinTime.ZONE));
        UUID perso = catalogue(
                ServiceState.PUBLISHED,
                today.plusMonths(6),
                new ServiceContent(
                        "Personalausweis beantragen",
                        List.of("Perso", "Ausweis", "Personalausweis verlängern", "neuer Ausweis", "Online-Ausweis"),
                        "99008001000000",
                        "Den Personalausweis beantragen Sie persönlich im Bürgerbüro; er gilt zehn Jahre (unter 24 sechs).",
                        """
                <p>Jede Person ab 16 Jahren mit Wohnsitz in Deutschland braucht einen gültigen Personalausweis oder \
                Reisepass. Den Antrag stellen Sie <strong>persönlich</strong> im Bürgerbüro Ihres Wohnorts, weil \
                Fingerabdrücke und Unterschrift vor Ort aufgenommen werden.</p>
                <p>Der fertige Ausweis liegt nach etwa drei bis vier Wochen zur Abholung bereit. Den PIN-Brief \
                erhalten Sie per Post.</p>""",
                        List.of(
                                "bisheriger Ausweis oder Reisepass",
                                "ein aktuelles biometrisches Passfoto",
                                "bei Kindern: Zustimmung aller Sorgeberechtigten"),
                        "37,00 EUR; unter 24 Jahren 22,80 EUR",
                        "Rechtzeitig vor Ablauf beantragen.",
                        "etwa 3 bis 4 Wochen",
                        "Personalausweisgesetz (PAuswG)",
                        null,
                        List.of(new ServiceLink(
                                "Antrag auf Ausstellung eines Personalausweises",
                                "https://www.personalausweisportal.de")),
                        List.of(),
                        List.of("Ausweise und Dokumente/Personalausweis")));
        catalogue(
                ServiceState.PUBLISHED,
                today.plusMonths(8),
                new ServiceContent(
                        "Reisepass beantragen",
                        List.of("Pass", "Reisepass verlängern", "Expresspass", "Kinderreisepass"),
                        "99085001000000",
                        "Den Reisepass beantragen Sie persönlich; der Expresspass ist in wenigen Tagen fertig.",
                        """
                <p>Für Reisen in viele Länder außerhalb der EU brauchen Sie einen Reisepass. Beantragen Sie ihn \
                persönlich im Bürgerbüro. Auf Wunsch gibt es einen <strong>Expresspass</strong>, der nach wenigen \
                Werktagen abholbereit ist.</p>""",
                        List.of("bisheriger Pass oder Personalausweis", "ein aktuelles biometrisches Passfoto"),
                        "70,00 EUR; unter 24 Jahren 37,50 EUR; Express zuzüglich 32,00 EUR",
                        null,
                        "etwa 4 bis 6 Wochen, Express 3 Werktage",
                        "Passgesetz (PassG)",
                        null,
                        List.of(),
                        List.of(),
                        List.of("Ausweise und Dokumente/Reisepass")));
        UUID wohnsitz = catalogue(
                ServiceState.PUBLISHED,
                today.plusYears(1),
                new ServiceContent(
                        "Wohnsitz anmelden oder ummelden",
                        List.of(
                                "Ummeldung",
                                "Anmeldung",
                                "Umzug",
                                "Wohnsitzanmeldung",
                                "neue Adresse",
                                "Meldebescheinigung"),
                        "99115005000000",
                        "Nach einem Umzug melden Sie sich innerhalb von zwei Wochen bei der neuen Wohnortgemeinde an.",
                        """
                <p>Wer in eine Wohnung einzieht, muss sich innerhalb von <strong>zwei Wochen</strong> anmelden. \
                Das gilt auch für einen Umzug innerhalb derselben Gemeinde (Ummeldung).</p>
                <p>Der Vermieter bestätigt den Einzug mit der Wohnungsgeberbestätigung. Die Adresse im \
                Personalausweis wird bei der Anmeldung gleich mit geändert.</p>""",
                        List.of("Personalausweis oder Reisepass", "Wohnungsgeberbestätigung des Vermieters"),
                        "gebührenfrei",
                        "innerhalb von zwei Wochen nach dem Einzug",
                        "sofort",
                        "Bundesmeldegesetz (BMG), § 17",
                        null,
                        List.of(),
                        List.of(),
                        List.of("Meldewesen")));
        catalogue(
                ServiceState.PUBLISHED,
                today.plusMonths(10),
                new ServiceContent(
                        "Führungszeugnis beantragen",
                        List.of("polizeiliches Führungszeugnis", "erweitertes Führungszeugnis", "Leumundszeugnis"),
                        "99049001000000",
                        "Das Führungszeugnis beantragen Sie im Bürgerbüro oder online beim Bundesamt für Justiz.",
                        """
                <p>Ein Führungszeugnis zeigt, ob Sie vorbestraft sind. Arbeitgeber verlangen es oft; für die Arbeit \
                mit Kindern brauchen Sie ein <strong>erweitertes</strong> Führungszeugnis mit Bestätigung des \
                Trägers.</p>
                <p>Das Zeugnis wird vom Bundesamt für Justiz in Bonn ausgestellt und Ihnen per Post geschickt.</p>""",
                        List.of(
                                "Personalausweis oder Reisepass",
                                "für das erweiterte Zeugnis: Aufforderung des Trägers"),
                        "13,00 EUR",
                        null,
                        "etwa 2 Wochen",
                        "Bundeszentralregistergesetz (BZRG), § 30",
                        "https://www.fuehrungszeugnis.bund.de",
                        List.of(),
                        List.of(),
                        List.of("Ausweise und Dokumente")));
        UUID hund = catalogue(
                ServiceState.PUBLISHED,
                today.plusMonths(4),
                new ServiceContent(
                        "Hund anmelden (Hundesteuer)",
                        List.of("Hundesteuer", "Hundemarke", "Hund abmelden", "Kampfhund"),
                        null,
                        "Einen Hund melden Sie innerhalb eines Monats bei der Gemeinde an; Sie erhalten eine Hundemarke.",
                        """
                <p>Wer einen Hund hält, zahlt Hundesteuer an die Wohnortgemeinde. Melden Sie den Hund innerhalb \
                eines Monats nach der Anschaffung oder dem Zuzug an. Sie erhalten eine Steuermarke, die der Hund \
                außerhalb der Wohnung tragen muss.</p>""",
                        List.of("Angaben zu Rasse und Alter des Hundes", "bei gefährlichen Hunden: Erlaubnis"),
                        "je nach Satzung der Gemeinde",
                        "Anmeldung innerhalb eines Monats",
                        null,
                        "Hundesteuersatzung der Gemeinde",
                        null,
                        List.of(),
                        List.of(),
                        List.of("Steuern und Abgaben")));
        UUID sperr = catalogue(
                ServiceState.PUBLISHED,
                today.plusMonths(5),
                new ServiceContent(
                        "Sperrmüll anmelden",
                        List.of("Sperrmüllabholung", "Sperrgut", "Möbel entsorgen", "Elektroschrott"),
                        null,
                        "Sperrmüll holt der Entsorger nach Anmeldung an einem festen Termin an der Straße ab.",
                        """
                <p>Große Gegenstände aus dem Haushalt, die nicht in die Mülltonne passen (Möbel, Matratzen, \
                Teppiche), werden nach Anmeldung abgeholt. Stellen Sie den Sperrmüll erst am Vorabend des Termins \
                an die Straße.</p>
                <p>Elektrogeräte werden getrennt abgeholt.</p>""",
                        List.of(),
                        "je nach Abfallsatzung",
                        null,
                        "Termin meist innerhalb von 3 Wochen",
                        "Abfallwirtschaftssatzung",
                        null,
                        List.of(),
                        List.of(),
                        List.of("Umwelt und Abfall")));
        catalogue(
                ServiceState.PUBLISHED,
                today.plusMonths(7),
                new ServiceContent(
                        "Gewerbe anmelden",
                        List.of("Gewerbeanmeldung", "Gewerbeschein", "Selbstständigkeit", "Firma gründen"),
                        "99050012104000",
                        "Ein Gewerbe melden Sie vor oder mit Beginn der Tätigkeit beim Gewerbeamt an.",
                        """
                <p>Wer ein Gewerbe selbstständig betreibt, muss es <strong>vor oder spätestens mit Beginn</strong> \
                der Tätigkeit anmelden. Das Gewerbeamt informiert Finanzamt, Kammer und Berufsgenossenschaft.</p>
                <p>Freie Berufe (z. B. Ärztinnen, Architekten) melden kein Gewerbe an.</p>""",
                        List.of(
                                "Personalausweis oder Reisepass",
                                "bei erlaubnispflichtigen Gewerben: die Erlaubnis",
                                "bei Handelsregistereintrag: Auszug"),
                        "etwa 20 bis 60 EUR",
                        "vor Beginn der Tätigkeit",
                        "sofort",
                        "Gewerbeordnung (GewO), § 14",
                        null,
                        List.of(),
                        List.of(),
                        List.of("Wirtschaft und Gewerbe")));
        UUID kfz = catalogue(
                ServiceState.PUBLISHED,
                today.plusMonths(9),
                new ServiceContent(
                        "Fahrzeug zulassen (Kfz-Zulassung)",
                        List.of("Auto anmelden", "Kfz-Zulassung", "Neuzulassung", "Nummernschild", "Kennzeichen"),
                        "99036020001000",
                        "Fahrzeuge lassen Sie bei der Zulassungsstelle des Landkreises oder der kreisfreien Stadt zu.",
                        """
                <p>Ein Fahrzeug darf erst nach der Zulassung am Straßenverkehr teilnehmen. Zuständig ist die \
                Zulassungsstelle des <strong>Landkreises</strong> bzw. der kreisfreien Stadt, in der Sie wohnen – \
                nicht die Gemeinde.</p>
                <p>Viele Zulassungen sind auch online über i-Kfz möglich.</p>""",
                        List.of(
                                "Personalausweis",
                                "Zulassungsbescheinigung Teil I und II",
                                "eVB-Nummer der Versicherung",
                                "SEPA-Mandat für die Kfz-Steuer"),
                        "ab etwa 30 EUR zuzüglich Kennzeichen",
                        null,
                        "sofort bei Vorsprache",
                        "Fahrzeug-Zulassungsverordnung (FZV)",
                        "https://www.kba.de/ikfz",
                        List.of(),
                        List.of(),
                        List.of("Verkehr/Kfz-Zulassung")));
        UUID geburt = catalogue(
                ServiceState.DRAFT,
                today.plusMonths(2),
                new ServiceContent(
                        "Geburtsurkunde beantragen",
                        List.of("Geburtsurkunde", "Abstammungsurkunde", "Personenstandsurkunde"),
                        null,
                        "Geburtsurkunden stellt das Standesamt des Geburtsortes aus.",
                        """
                <p>Eine Geburtsurkunde erhalten Sie beim Standesamt des Ortes, an dem Sie geboren sind – auch \
                schriftlich oder online. Entwurf: Gebühren mit den Standesämtern abstimmen.</p>""",
                        List.of("Personalausweis"),
                        "12,00 EUR, jede weitere 6,00 EUR",
                        null,
                        "wenige Tage",
                        "Personenstandsgesetz (PStG), § 55",
                        null,
                        List.of(),
                        List.of(),
                        List.of("Familie/Geburt")));
        UUID abmelden = catalogue(
                ServiceState.PUBLISHED,
                today.plusMonths(1),
                new ServiceContent(
                        "Wohnsitz abmelden (Wegzug ins Ausland)",
                        List.of("Abmeldung", "Auswandern", "Wegzug Ausland"),
                        "99115005070000",
                        "Wer ins Ausland zieht, meldet sich innerhalb von zwei Wochen ab.",
                        "<p>Eine Abmeldung ist nur beim Wegzug ins Ausland oder bei Aufgabe einer Nebenwohnung nötig.</p>",
                        List.of("Personalausweis oder Reisepass"),
                        "gebührenfrei",
                        "innerhalb von zwei Wochen",
                        "sofort",
                        "Bundesmeldegesetz (BMG), § 17 Abs. 2",
                        null,
                        List.of(),
                        List.of(),
                        List.of("Meldewesen")));
        // The overdue review of the demo: dates editors cannot enter, so set directly.
        entries.findById(abmelden).orElseThrow().overdueSince(today.minusDays(10));

        TenantInfo artland = tenants.findBySlug("artland").orElseThrow();
        TenantInfo oldenburg = tenants.findBySlug("oldenburg").orElseThrow();
        local(
                "artland",
                perso,
                department(artland, "Bürgerbüro"),
                "Ausweise nur mit Termin; dienstags bis 18 Uhr. Abholung ohne Termin.",
                null);
        local(
                "artland",
                hund,
                department(artland, "Ordnungsamt"),
                "Steuermarken liegen im Bürgerbüro aus.",
                new OverrideData(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "75,00 EUR im Jahr für den ersten Hund, 100,00 EUR für jeden weiteren",
                        null,
                        null,
                        "Hundesteuersatzung der Samtgemeinde Artland",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        local(
                "artland",
                kfz,
                null,
                "Zulassung beim Landkreis Osnabrück (Außenstelle Bersenbrück), nicht im "
                        + "Rathaus. Termin über die Seite des Landkreises.",
                null);
        local("artland", wohnsitz, department(artland, "Bürgerbüro"), null, null);
        local(
                "oldenburg",
                perso,
                department(oldenburg, "Bürgerbüro Mitte"),
                "Terminvergabe online; Spontankunden 7–9 Uhr im Bürgerbüro Mitte.",
                null);
        local(
                "oldenburg",
                kfz,
                department(oldenburg, "Straßenverkehrsamt"),
                "Oldenburg ist kreisfrei: Zulassung im Straßenverkehrsamt der Stadt.",
                null);
        local("oldenburg", geburt, department(oldenburg, "Standesamt"), null, null);
        local(
                "oldenburg",
                sperr,
                null,
                null,
                new OverrideData(
                        null,
                        null,
                        null,
                        "In Oldenburg zweimal im Jahr kostenlos, Anmeldung beim Abfallwirtschaftsbetrieb.",
                        null,
                        null,
                        "zweimal im Jahr gebührenfrei",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        oldenburgOnly(today, department(oldenburg, "Straßenverkehrsamt"));
    }

    private void oldenburgOnly(LocalDate today, UUID department) {
        TenantInfo oldenburg = tenants.findBySlug("oldenburg").orElseThrow();
        ServiceEntry entry = new ServiceEntry(oldenburg.id(), null, null, ServiceState.PUBLISHED, SystemActor.NAME);
        entry.apply(
                new ServiceContent(
                                "Bewohnerparkausweis beantragen",
                                List.of("Anwohnerparkausweis", "Parkausweis", "Anwohnerparken"),
                                "99108001000000",
                                "Wer in einer Bewohnerparkzone wohnt, kann einen Parkausweis für sein Fahrzeug beantragen.",
                                """
                <p>In den Bewohnerparkzonen der Innenstadt dürfen Bewohnerinnen und Bewohner mit Ausweis ohne \
                Parkschein parken. Der Ausweis gilt ein Jahr und nur für ein Fahrzeug, das auf Sie zugelassen \
                ist oder das Sie dauerhaft nutzen.</p>""",
                                List.of(
                                        "Zulassungsbescheinigung Teil I",
                                        "bei Firmenwagen: Bestätigung des Arbeitgebers"),
                                "30,70 EUR im Jahr",
                                null,
                                "sofort",
                                "Straßenverkehrsordnung (StVO), § 45 Abs. 1b",
                                null,
                                List.of(),
                                List.of(),
                                List.of("Verkehr/Parken"))
                        .complete(),
                today.plusMonths(6),
                department,
                "Zonenplan hängt im Straßenverkehrsamt aus.",
                SystemActor.NAME);
        entries.saveAndFlush(entry);
        revisions.entrySaved(entry, null);
    }

    private UUID catalogue(ServiceState state, LocalDate reviewDate, ServiceContent content) {
        ServiceEntry entry = new ServiceEntry(null, null, null, state, SystemActor.NAME);
        entry.apply(content.complete(), reviewDate, null, null, SystemActor.NAME);
        entries.saveAndFlush(entry);
        revisions.entrySaved(entry, null);
        return entry.getId();
    }

    /**
     * The tenant's department, notes and overridden fields of a catalogue entry — as an editor would set them, and
     * in force as if a second person had approved them.
     */
    private void local(String slug, UUID serviceId, UUID department, String notes, OverrideData fields) {
        OverrideData data = fields == null
                ? new OverrideData(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        department,
                        notes)
                : new OverrideData(
                        fields.title(),
                        fields.synonyms(),
                        fields.leikaKey(),
                        fields.summary(),
                        fields.body(),
                        fields.requiredDocuments(),
                        fields.fees(),
                        fields.deadlines(),
                        fields.processingTime(),
                        fields.legalBasis(),
                        fields.onlineServiceUrl(),
                        fields.forms(),
                        fields.links(),
                        fields.topics(),
                        department,
                        notes);
        UUID tenantId = tenants.findBySlug(slug).orElseThrow().id();
        ServiceOverride override = new ServiceOverride(tenantId, serviceId);
        override.apply(data.content(), data.departmentId(), Rules.text(data.internalNotes()), SystemActor.NAME);
        overrides.saveAndFlush(override);
        revisions.overrideSaved(
                serviceId,
                tenantId,
                override,
                override.getRevision(),
                entries.findById(serviceId).orElseThrow().getState(),
                null);
    }

    private UUID department(TenantInfo tenant, String name) {
        return tenants.departmentsOf(tenant.id()).stream()
                .filter(d -> d.name().equals(name))
                .map(DepartmentInfo::id)
                .findFirst()
                .orElse(null);
    }
}
