package de.buergerservice.backoffice.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a ticket's history: who did what, when. Written once, never changed. */
@Entity
@Table(name = "backoffice_ticket_step")
class TicketStep {

    @Id
    private UUID id = UUID.randomUUID();

    @Column(name = "ticket_id", nullable = false, updatable = false)
    private UUID ticketId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false, length = 100)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, updatable = false, length = 30)
    private TicketStepKind kind;

    @Column(updatable = false, length = 4000)
    private String detail;

    protected TicketStep() {}

    TicketStep(Ticket ticket, Instant at, String actor, TicketStepKind kind, String detail) {
        this.ticketId = ticket.getId();
        this.tenantId = ticket.getTenantId();
        this.at = at;
        this.actor = actor;
        this.kind = kind;
        this.detail = detail;
    }

    StepView toView() {
        return new StepView(at, actor, kind, detail);
    }
}
