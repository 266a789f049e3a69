package de.buergerservice.backoffice.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.buergerservice.applications.SubmissionReceived;
import de.buergerservice.applications.SubmissionStatus;
import de.buergerservice.applications.SubmissionStatusChanged;
import de.buergerservice.identity.UserDirectory;
import de.buergerservice.identity.UserInfo;
import de.buergerservice.shared.BerlinTime;
import de.buergerservice.shared.security.Role;
import de.buergerservice.tenancy.DepartmentInfo;
import de.buergerservice.tenancy.OpeningHours;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * The mails a ticket causes, written to the {@link Outbox} in the caller's transaction: a new ticket to the
 * department's mailbox, the answer to the citizen, an escalation to the department's lead and the ServiceCenter's
 * supervisors.
 */
@Component
class TicketMails {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE, dd.MM.yyyy, HH:mm 'Uhr'", Locale.GERMAN)
            .withZone(BerlinTime.ZONE);

    private final Outbox outbox;
    private final MailTemplates templates;
    private final TenantDirectory tenants;
    private final UserDirectory users;
    private final BackofficeProperties properties;

    TicketMails(
            Outbox outbox,
            MailTemplates templates,
            TenantDirectory tenants,
            UserDirectory users,
            BackofficeProperties properties) {
        this.outbox = outbox;
        this.templates = templates;
        this.tenants = tenants;
        this.users = users;
        this.properties = properties;
    }

    /** To the department's mailbox, if it has one. */
    void newTicket(TicketView ticket, TenantInfo tenant, DepartmentInfo department) {
        if (department.email() == null) {
            return;
        }
        queue(MailPurpose.NEW_TICKET, ticket, tenant, department, department.email(), Map.of());
    }

    /** To the citizen; the caller made sure the ticket has an address. */
    void answer(TicketView ticket, TenantInfo tenant, DepartmentInfo department, String text) {
        queue(MailPurpose.ANSWER, ticket, tenant, department, ticket.email(), Map.of("text", text.strip()));
    }

    /**
     * To the department's lead (its mailbox if it has no lead address) and every supervisor of the ServiceCenter,
     * one mail each. Returns the recipients.
     */
    Set<String> escalation(TicketView ticket, TenantInfo tenant, DepartmentInfo department) {
        Set<String> recipients = new LinkedHashSet<>();
        if (department.leadEmail() != null) {
            recipients.add(department.leadEmail());
        } else if (department.email() != null) {
            recipients.add(department.email());
        }
        users.withRole(Role.SUPERVISOR).stream()
                .map(UserInfo::email)
                .filter(email -> email != null && !email.isBlank())
                .forEach(recipients::add);
        recipients.addAll(properties.mail().supervisors());
        recipients.forEach(to -> queue(MailPurpose.ESCALATION, ticket, tenant, department, to, Map.of()));
        return recipients;
    }

    /** The confirmation of an online application to the citizen: form, tracking code, where to look it up. */
    void submissionReceived(
            TicketView ticket, TenantInfo tenant, DepartmentInfo department, SubmissionReceived submission) {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("submission", submission);
        values.put("department", department);
        values.put("received", WHEN.format(submission.at()));
        queueForCitizen(MailPurpose.SUBMISSION_RECEIVED, ticket, tenant, submission.email(), values);
    }

    /** The department's status change and message on an online application, to the citizen. */
    void submissionStatus(
            TicketView ticket, TenantInfo tenant, DepartmentInfo department, SubmissionStatusChanged change) {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("change", change);
        values.put("department", department);
        values.put(
                "status",
                switch (change.status()) {
                    case RECEIVED -> "eingegangen";
                    case IN_PROGRESS -> "in Bearbeitung";
                    case MORE_INFO_NEEDED -> "Rückfrage: Wir benötigen weitere Angaben von Ihnen";
                    case COMPLETED -> "abgeschlossen";
                    case REJECTED -> "abgelehnt";
                });
        values.put("moreInfo", change.status() == SubmissionStatus.MORE_INFO_NEEDED);
        queueForCitizen(MailPurpose.SUBMISSION_STATUS, ticket, tenant, change.email(), values);
    }

    private void queueForCitizen(
            MailPurpose purpose, TicketView ticket, TenantInfo tenant, String to, Map<String, Object> values) {
        MailTemplates.Mail mail = templates.render(
                purpose, tenant, tenants.openingHours(tenant.id()).orElse(OpeningHours.closed()), values);
        outbox.queue(
                tenant.id(),
                ticket == null ? null : ticket.id(),
                purpose,
                properties.mail().from(),
                to,
                mail.subject(),
                mail.body());
    }

    private void queue(
            MailPurpose purpose,
            TicketView ticket,
            TenantInfo tenant,
            DepartmentInfo department,
            String to,
            Map<String, Object> extra) {
        Map<String, Object> values = new java.util.HashMap<>(extra);
        values.put("ticket", ticket);
        values.put("department", department);
        values.put("kind", Labels.kind(ticket.kind()));
        values.put("status", Labels.status(ticket.status()));
        values.put("due", ticket.dueAt() == null ? "ohne Frist" : WHEN.format(ticket.dueAt()));
        values.put("handedOff", WHEN.format(ticket.handedOffAt()));
        values.put("link", properties.baseUrl() + "/backoffice/tickets/" + ticket.id());
        MailTemplates.Mail mail = templates.render(
                purpose, tenant, tenants.openingHours(tenant.id()).orElse(OpeningHours.closed()), values);
        outbox.queue(tenant.id(), ticket.id(), purpose, properties.mail().from(), to, mail.subject(), mail.body());
    }

    static String format(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }
}
