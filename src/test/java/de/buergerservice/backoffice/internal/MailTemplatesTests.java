package de.buergerservice.backoffice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import de.buergerservice.backoffice.TicketStatus;
import de.buergerservice.contact.ContactChannel;
import de.buergerservice.contact.HandOffKind;
import de.buergerservice.tenancy.DepartmentInfo;
import de.buergerservice.tenancy.FederalState;
import de.buergerservice.tenancy.OpeningHours;
import de.buergerservice.tenancy.TenantInfo;
import de.buergerservice.tenancy.TenantType;
import de.buergerservice.tenancy.TimeRange;

/** The German mail texts render with the municipality's name, signature and hours; a municipality's own wins. */
class MailTemplatesTests {

    final MailTemplates templates = new MailTemplates();

    static TenantInfo tenant(String slug, String name) {
        return new TenantInfo(
                UUID.randomUUID(),
                slug,
                name,
                TenantType.CITY,
                "03403000",
                FederalState.NI,
                "",
                URI.create("https://example.org"),
                List.of("+4954311820"));
    }

    static final OpeningHours HOURS = new OpeningHours(
            Map.of(
                    DayOfWeek.MONDAY, List.of(new TimeRange(LocalTime.of(8, 0), LocalTime.of(17, 0))),
                    DayOfWeek.FRIDAY, List.of(new TimeRange(LocalTime.of(8, 0), LocalTime.of(13, 0)))),
            List.of());

    static final DepartmentInfo DEPARTMENT =
            new DepartmentInfo(UUID.randomUUID(), UUID.randomUUID(), "Ordnungsamt", "o@example.org", "1", List.of());

    static TicketView ticket(String citizen) {
        return new TicketView(
                UUID.randomUUID(),
                "artland",
                DEPARTMENT.id(),
                "Ordnungsamt",
                TicketStatus.NEW,
                HandOffKind.ANSWER_BY_MAIL,
                ContactChannel.PHONE,
                Instant.parse("2026-11-30T09:00:00Z"),
                Instant.parse("2026-12-02T12:00:00Z"),
                false,
                false,
                UUID.randomUUID(),
                null,
                "Fundsachen",
                "Geldbörse verloren",
                null,
                citizen,
                null,
                "e@example.org",
                null,
                null,
                null,
                null,
                List.of(),
                null);
    }

    Map<String, Object> values(TicketView ticket) {
        return Map.of(
                "ticket", ticket,
                "department", DEPARTMENT,
                "kind", "Antwort per E-Mail",
                "status", "neu",
                "due", "Mittwoch, 02.12.2026, 13:00 Uhr",
                "handedOff", "Montag",
                "link", "http://localhost:8080/backoffice/tickets/" + ticket.id(),
                "text", "Die Geldbörse liegt im Fundbüro.");
    }

    @Test
    void givenAnAnswer_thenSubjectBodySignatureAndHoursAreGerman() {
        MailTemplates.Mail mail = templates.render(
                MailPurpose.ANSWER, tenant("artland", "Samtgemeinde Artland"), HOURS, values(ticket("Erika")));
        assertThat(mail.subject()).isEqualTo("Ihr Anliegen bei der Samtgemeinde Artland: Geldbörse verloren");
        assertThat(mail.body())
                .startsWith("Guten Tag Erika,")
                .contains(
                        "Die Geldbörse liegt im Fundbüro.",
                        "Ihr ServiceCenter für Samtgemeinde Artland",
                        "Montag: 08:00–17:00",
                        "Freitag: 08:00–13:00");
    }

    @Test
    void givenNoName_thenTheGreetingIsGeneral() {
        MailTemplates.Mail mail = templates.render(
                MailPurpose.ANSWER, tenant("artland", "Samtgemeinde Artland"), HOURS, values(ticket(null)));
        assertThat(mail.body()).startsWith("Guten Tag,");
    }

    @Test
    void givenOldenburg_thenItsOwnTemplateIsUsed() {
        MailTemplates.Mail mail = templates.render(
                MailPurpose.ANSWER, tenant("oldenburg", "Stadt Oldenburg"), HOURS, values(ticket("Erika")));
        assertThat(mail.subject()).startsWith("Ihre Anfrage an die Stadt Oldenburg");
        assertThat(mail.body()).contains("Sehr geehrte/r Erika,", "0441 235-4444");
    }

    @Test
    void givenANewTicketAndAnEscalation_thenTheyRender() {
        TicketView ticket = ticket("Erika");
        MailTemplates.Mail created = templates.render(
                MailPurpose.NEW_TICKET, tenant("artland", "Samtgemeinde Artland"), HOURS, values(ticket));
        assertThat(created.subject()).contains("Ordnungsamt", "Geldbörse verloren", "Mittwoch, 02.12.2026");
        assertThat(created.body()).contains("/backoffice/tickets/" + ticket.id());
        MailTemplates.Mail escalation = templates.render(
                MailPurpose.ESCALATION, tenant("artland", "Samtgemeinde Artland"), HOURS, values(ticket));
        assertThat(escalation.subject()).startsWith("Frist überschritten: Geldbörse verloren");
        assertThat(escalation.body()).contains("Fällig war:  Mittwoch, 02.12.2026, 13:00 Uhr");
    }
}
