package de.buergerservice.backoffice.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.applications.SubmissionReceived;
import de.buergerservice.applications.SubmissionStatus;
import de.buergerservice.applications.SubmissionStatusChanged;
import de.buergerservice.backoffice.TicketReturned;
import de.buergerservice.backoffice.TicketStatus;
import de.buergerservice.contact.ContactHandedOff;
import de.buergerservice.identity.UserDirectory;
import de.buergerservice.identity.UserInfo;
import de.buergerservice.shared.privacy.PersonalDataRead;
import de.buergerservice.shared.privacy.PersonalDataRead.Access;
import de.buergerservice.shared.security.TenantScope;
import de.buergerservice.shared.web.ConflictException;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.tenancy.DepartmentInfo;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * The tickets of the back office: opened from hand-offs, read in the inbox, moved on by their steps. Every read
 * and step is limited to the municipalities the user sees ({@link TenantScope}); a foreign ticket is not found.
 * Each step writes a line of history and, where it causes a mail, the mail into the outbox — in one transaction.
 */
@Service
@Transactional
public class Tickets {

    /** Who reads inboxes: the municipality's back office and management, and the ServiceCenter. */
    static final String READ = "hasAnyRole('BACKOFFICE', 'MANAGEMENT', 'ADMIN', 'SUPERVISOR', 'AGENT')";
    /** Who works on tickets: management only watches. */
    public static final String WORK = "hasAnyRole('BACKOFFICE', 'ADMIN', 'SUPERVISOR', 'AGENT')";

    static final Set<TicketStatus> OPEN = Set.of(TicketStatus.NEW, TicketStatus.IN_PROGRESS);

    private static final Logger log = LoggerFactory.getLogger(Tickets.class);

    private final TicketRepository tickets;
    private final TicketStepRepository steps;
    private final TenantDirectory tenants;
    private final UserDirectory users;
    private final TenantScope scope;
    private final TicketMails mails;
    private final Outbox outbox;
    private final CallbackDeadlines deadlines;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Tickets(
            TicketRepository tickets,
            TicketStepRepository steps,
            TenantDirectory tenants,
            UserDirectory users,
            TenantScope scope,
            TicketMails mails,
            Outbox outbox,
            CallbackDeadlines deadlines,
            ApplicationEventPublisher events,
            Clock clock) {
        this.tickets = tickets;
        this.steps = steps;
        this.tenants = tenants;
        this.users = users;
        this.scope = scope;
        this.mails = mails;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A hand-off becomes a ticket (once: the same contact again is ignored, as after a redelivered event). Its
     * deadline is the agreement's service time after the hand-off, counted in the municipality's service hours.
     * Called by the system, not by a user. Returns the ticket's id, empty if there is no department to own it.
     */
    public Optional<UUID> open(ContactHandedOff handOff) {
        if (tickets.existsByContactId(handOff.contactId())) {
            return Optional.empty();
        }
        TenantInfo tenant = tenants.findById(handOff.tenantId()).orElse(null);
        if (tenant == null) {
            log.warn(
                    "Hand-off of contact {} for unknown municipality {} dropped",
                    handOff.contactId(),
                    handOff.tenantId());
            return Optional.empty();
        }
        Optional<DepartmentInfo> chosen = Optional.ofNullable(handOff.departmentId())
                .flatMap(tenants::findDepartment)
                .filter(d -> d.tenantId().equals(tenant.id()));
        // without a (valid) department the first one of the municipality gets it, to pass it on
        Optional<DepartmentInfo> department =
                chosen.or(() -> tenants.departmentsOf(tenant.id()).stream().findFirst());
        if (department.isEmpty()) {
            log.warn("Hand-off of contact {}: {} has no department", handOff.contactId(), tenant.slug());
            return Optional.empty();
        }
        Instant due = tenants.afterServiceHours(
                        tenant.id(), handOff.at(), deadlines.serviceTimeFor(tenant.id(), handOff.at()))
                .orElse(null);
        ContactHandedOff owned = chosen.isPresent()
                ? handOff
                : withDepartment(handOff, department.get().id());
        Ticket ticket = tickets.save(new Ticket(owned, due));
        String agent = Optional.ofNullable(handOff.agentId())
                .flatMap(users::findById)
                .map(UserInfo::username)
                .orElse("ServiceCenter");
        step(
                ticket,
                agent,
                TicketStepKind.CREATED,
                department.get().name() + (chosen.isPresent() ? "" : " (kein Fachbereich angegeben)"));
        mails.newTicket(view(ticket, tenant, department.get(), List.of()), tenant, department.get());
        return Optional.of(ticket.getId());
    }

    /**
     * An online application becomes the case of the responsible department (once per submission, as after a
     * redelivered event): the department without one of its own named gets the municipality's first department.
     * The citizen gets the confirmation mail with the tracking code, the department its new-ticket mail. Called by
     * the system.
     */
    public Optional<UUID> openSubmission(SubmissionReceived submission) {
        if (tickets.existsBySubmissionId(submission.submissionId())) {
            return Optional.empty();
        }
        TenantInfo tenant = tenants.findById(submission.tenantId()).orElse(null);
        if (tenant == null) {
            log.warn(
                    "Submission {} of unknown municipality {} dropped",
                    submission.submissionId(),
                    submission.tenantId());
            return Optional.empty();
        }
        Optional<DepartmentInfo> chosen = Optional.ofNullable(submission.departmentId())
                .flatMap(tenants::findDepartment)
                .filter(d -> d.tenantId().equals(tenant.id()));
        Optional<DepartmentInfo> department =
                chosen.or(() -> tenants.departmentsOf(tenant.id()).stream().findFirst());
        if (department.isEmpty()) {
            // no inbox to put it in, but the citizen is still told it arrived
            log.warn("Submission {}: {} has no department", submission.submissionId(), tenant.slug());
            mails.submissionReceived(
                    null,
                    tenant,
                    new DepartmentInfo(null, tenant.id(), tenant.name(), null, null, List.of()),
                    submission);
            return Optional.empty();
        }
        Instant due = tenants.afterServiceHours(
                        tenant.id(), submission.at(), deadlines.serviceTimeFor(tenant.id(), submission.at()))
                .orElse(null);
        Ticket ticket = tickets.save(new Ticket(submission, department.get().id(), due));
        step(
                ticket,
                "Online-Antrag",
                TicketStepKind.CREATED,
                department.get().name() + ", Vorgangsnummer " + submission.trackingCode());
        TicketView view = view(ticket, tenant, department.get(), List.of());
        mails.newTicket(view, tenant, department.get());
        mails.submissionReceived(view, tenant, department.get(), submission);
        return Optional.of(ticket.getId());
    }

    /**
     * A status change of an online application: the citizen gets the department's message by mail (not for the
     * citizen's own answer); the case's ticket is closed when the application is finished. Called by the system.
     */
    public void submissionChanged(SubmissionStatusChanged change) {
        Optional<Ticket> found = tickets.findBySubmissionId(change.submissionId())
                .filter(t -> t.getTenantId().equals(change.tenantId()));
        TenantInfo tenant = tenants.findById(change.tenantId()).orElse(null);
        if (tenant == null) {
            return;
        }
        DepartmentInfo department = found.map(this::department)
                .orElseGet(() -> tenants.departmentsOf(tenant.id()).stream()
                        .findFirst()
                        .orElse(new DepartmentInfo(null, tenant.id(), tenant.name(), null, null, List.of())));
        if (found.isPresent() && found.get().getStatus().open()) {
            Ticket ticket = found.get();
            if (change.byCitizen()) {
                step(ticket, "Antragsteller/in", TicketStepKind.CITIZEN_ANSWERED, change.message());
            } else if (change.status().finished()) {
                ticket.close(
                        "Online-Antrag "
                                + (change.status() == SubmissionStatus.COMPLETED ? "abgeschlossen" : "abgelehnt"),
                        change.at());
                step(ticket, "Online-Antrag", TicketStepKind.CLOSED, ticket.getResult());
            }
        }
        if (!change.byCitizen()) {
            mails.submissionStatus(
                    found.map(t -> view(t, tenant, department, List.of())).orElse(null), tenant, department, change);
        }
    }

    private static ContactHandedOff withDepartment(ContactHandedOff e, UUID department) {
        return new ContactHandedOff(
                e.contactId(),
                e.tenantId(),
                e.channel(),
                department,
                e.kind(),
                e.serviceId(),
                e.category(),
                e.concern(),
                e.note(),
                e.citizenName(),
                e.phone(),
                e.email(),
                e.callbackWindow(),
                e.agentId(),
                e.at());
    }

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<TicketView> inbox(InboxFilter filter) {
        Collection<UUID> visible = visibleTenants(filter.tenant());
        if (visible.isEmpty()) {
            return List.of();
        }
        return tickets
                .findAll(
                        filter.toSpecification(
                                visible, scope.departmentRestriction().orElse(null), clock.instant()),
                        Sort.by(Sort.Order.asc("dueAt"), Sort.Order.asc("handedOffAt")))
                .stream()
                .map(ticket -> view(ticket, false))
                .toList();
    }

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public TicketView get(UUID id) {
        Ticket ticket = find(id);
        events.publishEvent(new PersonalDataRead("Ticket", id, ticket.getTenantId(), Access.READ, null));
        return view(ticket, true);
    }

    /** The departments a ticket may be forwarded to: those of its municipality. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<DepartmentInfo> departmentsFor(UUID id) {
        return tenants.departmentsOf(find(id).getTenantId());
    }

    /** The mails the ticket caused, newest last. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<OutboxMail> mailsOf(UUID id) {
        return outboxOf(find(id));
    }

    @PreAuthorize(WORK)
    public TicketView take(UUID id) {
        Ticket ticket = findOpen(id);
        String previous = ticket.getAssignee();
        ticket.take(scope.currentUsername());
        step(ticket, TicketStepKind.TAKEN, previous == null ? null : "übernommen von " + previous);
        return view(ticket, true);
    }

    @PreAuthorize(WORK)
    public TicketView callback(UUID id, TicketActions.Callback data) {
        Ticket ticket = findOpen(id);
        if (Boolean.TRUE.equals(data.reached())) {
            ticket.close(data.result().strip(), clock.instant());
            step(ticket, TicketStepKind.CALLBACK_REACHED, data.result().strip());
        } else {
            if (ticket.getAssignee() == null) {
                ticket.take(scope.currentUsername());
            }
            step(ticket, TicketStepKind.CALLBACK_NOT_REACHED, data.result().strip());
        }
        return view(ticket, true);
    }

    @PreAuthorize(WORK)
    public TicketView answer(UUID id, TicketActions.Answer data) {
        Ticket ticket = findOpen(id);
        if (ticket.getEmail() == null) {
            throw new InvalidFieldException("text", "validation.ticket.noEmail");
        }
        ticket.close("Per E-Mail beantwortet", clock.instant());
        step(ticket, TicketStepKind.ANSWERED, "an " + ticket.getEmail());
        TenantInfo tenant = tenant(ticket);
        DepartmentInfo department = department(ticket);
        mails.answer(view(ticket, tenant, department, List.of()), tenant, department, data.text());
        return view(ticket, true);
    }

    @PreAuthorize(WORK)
    public TicketView forward(UUID id, TicketActions.Forward data) {
        Ticket ticket = findOpen(id);
        DepartmentInfo target = tenants.findDepartment(data.departmentId())
                .filter(d -> d.tenantId().equals(ticket.getTenantId()))
                .orElseThrow(() -> new InvalidFieldException("departmentId", "validation.ticket.department"));
        if (target.id().equals(ticket.getDepartmentId())) {
            throw new InvalidFieldException("departmentId", "validation.ticket.sameDepartment");
        }
        String from = department(ticket).name();
        ticket.forwardTo(target.id());
        String note = data.note() == null || data.note().isBlank()
                ? ""
                : ": " + data.note().strip();
        step(ticket, TicketStepKind.FORWARDED, from + " → " + target.name() + note);
        TenantInfo tenant = tenant(ticket);
        mails.newTicket(view(ticket, tenant, target, List.of()), tenant, target);
        return view(ticket, true);
    }

    @PreAuthorize(WORK)
    public TicketView close(UUID id, TicketActions.Close data) {
        Ticket ticket = findOpen(id);
        ticket.close(data.result().strip(), clock.instant());
        step(ticket, TicketStepKind.CLOSED, data.result().strip());
        return view(ticket, true);
    }

    /** "Rückruf durch das ServiceCenter": the ticket leaves the inbox for the ServiceCenter's first-contact queue. */
    @PreAuthorize(WORK)
    public TicketView returnToServiceCenter(UUID id, TicketActions.Return data) {
        Ticket ticket = findOpen(id);
        if (ticket.getPhone() == null) {
            throw new InvalidFieldException("note", "validation.ticket.noPhone");
        }
        String note = data.note() == null || data.note().isBlank()
                ? null
                : data.note().strip();
        ticket.returnToServiceCenter();
        step(ticket, TicketStepKind.RETURNED, note);
        events.publishEvent(new TicketReturned(
                ticket.getId(),
                ticket.getTenantId(),
                ticket.getContactId(),
                ticket.getCitizenName(),
                ticket.getPhone(),
                note,
                clock.instant()));
        return view(ticket, true);
    }

    /**
     * Escalates an overdue ticket for its current deadline, once: the mark is stored on the ticket with its
     * mails, in one transaction under the ticket's optimistic lock, so a second run (or a second instance) finds
     * it marked or fails to commit. Called by the system. Returns whether it escalated.
     */
    boolean escalate(UUID id) {
        Ticket ticket = tickets.findById(id).orElse(null);
        Instant now = clock.instant();
        if (ticket == null || !ticket.needsEscalation(now)) {
            return false;
        }
        ticket.escalated();
        TenantInfo tenant = tenant(ticket);
        DepartmentInfo department = department(ticket);
        Set<String> recipients = mails.escalation(view(ticket, tenant, department, List.of()), tenant, department);
        step(
                ticket,
                "system",
                TicketStepKind.ESCALATED,
                "Frist " + TicketMails.format(ticket.getDueAt()) + " überschritten; Mail an "
                        + String.join(", ", recipients));
        tickets.saveAndFlush(ticket);
        return true;
    }

    private Collection<UUID> visibleTenants(String slug) {
        Optional<Set<UUID>> restriction = scope.restriction();
        if (slug != null && !slug.isBlank()) {
            TenantInfo tenant = tenants.findBySlug(slug.strip())
                    .filter(t -> scope.permits(t.id()))
                    .orElseThrow(() -> new ResourceNotFoundException("tenant"));
            return List.of(tenant.id());
        }
        return restriction
                .<Collection<UUID>>map(ids -> ids)
                .orElseGet(() -> tenants.findAll().stream().map(TenantInfo::id).toList());
    }

    private Ticket find(UUID id) {
        Optional<Set<UUID>> restriction = scope.restriction();
        return restriction
                .map(ids -> ids.isEmpty() ? Optional.<Ticket>empty() : tickets.findByIdAndTenantIdIn(id, ids))
                .orElseGet(() -> tickets.findById(id))
                // a back-office user with departments sees only their tickets (a forwarded one leaves their view)
                .filter(t -> scope.departmentRestriction()
                        .map(ids -> ids.contains(t.getDepartmentId()))
                        .orElse(true))
                .orElseThrow(() -> new ResourceNotFoundException("ticket"));
    }

    private Ticket findOpen(UUID id) {
        Ticket ticket = find(id);
        if (!ticket.getStatus().open()) {
            throw new ConflictException("ticketDone");
        }
        return ticket;
    }

    private void step(Ticket ticket, TicketStepKind kind, String detail) {
        step(ticket, scope.currentUsername(), kind, detail);
    }

    private void step(Ticket ticket, String actor, TicketStepKind kind, String detail) {
        steps.save(new TicketStep(ticket, clock.instant(), actor, kind, detail));
    }

    private TenantInfo tenant(Ticket ticket) {
        return tenants.findById(ticket.getTenantId()).orElseThrow();
    }

    private DepartmentInfo department(Ticket ticket) {
        return tenants.findDepartment(ticket.getDepartmentId())
                .orElseGet(() -> new DepartmentInfo(
                        ticket.getDepartmentId(),
                        ticket.getTenantId(),
                        "(gelöschter Fachbereich)",
                        null,
                        null,
                        List.of()));
    }

    private List<OutboxMail> outboxOf(Ticket ticket) {
        return outbox.ofTicket(ticket.getId());
    }

    private TicketView view(Ticket ticket, boolean withHistory) {
        List<StepView> history = withHistory
                ? steps.findByTicketIdOrderByAtAscIdAsc(ticket.getId()).stream()
                        .map(TicketStep::toView)
                        .toList()
                : List.of();
        return view(ticket, tenant(ticket), department(ticket), history);
    }

    private TicketView view(Ticket t, TenantInfo tenant, DepartmentInfo department, List<StepView> history) {
        return new TicketView(
                t.getId(),
                tenant.slug(),
                t.getDepartmentId(),
                department.name(),
                t.getStatus(),
                t.getKind(),
                t.getChannel(),
                t.getHandedOffAt(),
                t.getDueAt(),
                t.overdueAt(clock.instant()),
                t.escalatedForCurrentDeadline(),
                t.getContactId(),
                t.getServiceId(),
                t.getCategory(),
                t.getConcern(),
                t.getNote(),
                t.getCitizenName(),
                t.getPhone(),
                t.getEmail(),
                t.getCallbackWindow(),
                t.getAssignee(),
                t.getResult(),
                t.getClosedAt(),
                history,
                t.getSubmissionId());
    }
}
