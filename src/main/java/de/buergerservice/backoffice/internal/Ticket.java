package de.buergerservice.backoffice.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import de.buergerservice.applications.SubmissionReceived;
import de.buergerservice.backoffice.TicketStatus;
import de.buergerservice.contact.ContactChannel;
import de.buergerservice.contact.ContactHandedOff;
import de.buergerservice.contact.HandOffKind;
import de.buergerservice.shared.persistence.PersistentEntity;

/**
 * A hand-off the back office of one municipality must act on: one per contact, owned by a department, due at a
 * deadline in service hours. The state changes are methods here; who may call them is decided by
 * {@link Tickets}.
 */
@Entity
@Table(name = "backoffice_ticket")
class Ticket extends PersistentEntity {

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "department_id", nullable = false)
    private UUID departmentId;

    /** The contact handed off; null for a ticket from an online application. */
    @Column(name = "contact_id", updatable = false)
    private UUID contactId;

    /** The online application (applications' submission) the ticket is the case of; null for a hand-off. */
    @Column(name = "submission_id", updatable = false)
    private UUID submissionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private HandOffKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TicketStatus status = TicketStatus.NEW;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private ContactChannel channel;

    @Column(name = "service_id", updatable = false)
    private UUID serviceId;

    @Column(updatable = false, length = 200)
    private String category;

    @Column(updatable = false, length = 2000)
    private String concern;

    @Column(updatable = false, length = 4000)
    private String note;

    @Column(name = "citizen_name", updatable = false, length = 200)
    private String citizenName;

    @Column(updatable = false, length = 40)
    private String phone;

    @Column(updatable = false, length = 320)
    private String email;

    @Column(name = "callback_window", updatable = false, length = 200)
    private String callbackWindow;

    @Column(name = "handed_off_at", nullable = false, updatable = false)
    private Instant handedOffAt;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "escalated_for")
    private Instant escalatedFor;

    @Column(length = 100)
    private String assignee;

    @Column(length = 4000)
    private String result;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected Ticket() {}

    Ticket(ContactHandedOff handOff, Instant dueAt) {
        this.tenantId = handOff.tenantId();
        this.departmentId = handOff.departmentId();
        this.contactId = handOff.contactId();
        this.kind = handOff.kind();
        this.channel = handOff.channel();
        this.serviceId = handOff.serviceId();
        this.category = cut(handOff.category(), 200);
        this.concern = cut(handOff.concern(), 2000);
        this.note = cut(handOff.note(), 4000);
        this.citizenName = cut(handOff.citizenName(), 200);
        this.phone = cut(handOff.phone(), 40);
        this.email = cut(handOff.email(), 320);
        this.callbackWindow = cut(handOff.callbackWindow(), 200);
        this.handedOffAt = handOff.at();
        this.dueAt = dueAt;
    }

    /**
     * The case of an online application: the department processes it on the submission's page ({@code note}
     * links it); the ticket only puts it in the department's inbox with its deadline.
     */
    Ticket(SubmissionReceived submission, UUID departmentId, Instant dueAt) {
        this.tenantId = submission.tenantId();
        this.departmentId = departmentId;
        this.submissionId = submission.submissionId();
        this.kind = HandOffKind.FORWARD;
        this.channel = ContactChannel.WEB;
        this.serviceId = submission.serviceId();
        this.category = cut("Online-Antrag", 200);
        this.concern = cut("Online-Antrag " + submission.trackingCode() + ": " + submission.formTitle(), 2000);
        this.note = cut("Antrag bearbeiten: " + submission.backofficePath(), 4000);
        this.email = cut(submission.email(), 320);
        this.handedOffAt = submission.at();
        this.dueAt = dueAt;
    }

    private static String cut(String text, int length) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() <= length ? stripped : stripped.substring(0, length);
    }

    void take(String user) {
        assignee = user;
        status = TicketStatus.IN_PROGRESS;
    }

    void forwardTo(UUID department) {
        departmentId = department;
        assignee = null;
        status = TicketStatus.NEW;
    }

    void returnToServiceCenter() {
        assignee = null;
        status = TicketStatus.RETURNED;
    }

    void close(String outcome, Instant at) {
        result = outcome;
        status = TicketStatus.CLOSED;
        closedAt = at;
    }

    /** Whether the deadline has passed while the department still owes an answer. */
    boolean overdueAt(Instant now) {
        return status.open() && dueAt != null && dueAt.isBefore(now);
    }

    /** Whether this deadline still needs its escalation: overdue and not yet escalated for this deadline. */
    boolean needsEscalation(Instant now) {
        return overdueAt(now) && !dueAt.equals(escalatedFor);
    }

    void escalated() {
        escalatedFor = dueAt;
    }

    boolean escalatedForCurrentDeadline() {
        return dueAt != null && dueAt.equals(escalatedFor);
    }

    UUID getTenantId() {
        return tenantId;
    }

    UUID getDepartmentId() {
        return departmentId;
    }

    UUID getSubmissionId() {
        return submissionId;
    }

    UUID getContactId() {
        return contactId;
    }

    HandOffKind getKind() {
        return kind;
    }

    TicketStatus getStatus() {
        return status;
    }

    ContactChannel getChannel() {
        return channel;
    }

    UUID getServiceId() {
        return serviceId;
    }

    String getCategory() {
        return category;
    }

    String getConcern() {
        return concern;
    }

    String getNote() {
        return note;
    }

    String getCitizenName() {
        return citizenName;
    }

    String getPhone() {
        return phone;
    }

    String getEmail() {
        return email;
    }

    String getCallbackWindow() {
        return callbackWindow;
    }

    Instant getHandedOffAt() {
        return handedOffAt;
    }

    Instant getDueAt() {
        return dueAt;
    }

    String getAssignee() {
        return assignee;
    }

    String getResult() {
        return result;
    }

    Instant getClosedAt() {
        return closedAt;
    }
}
