package de.buergerservice.contact.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import de.buergerservice.contact.ContactChannel;
import de.buergerservice.contact.ContactDocumented;
import de.buergerservice.contact.ContactHandedOff;
import de.buergerservice.contact.ContactOutcome;
import de.buergerservice.contact.HandOffKind;
import de.buergerservice.contact.internal.DocumentationData.ConcernData;
import de.buergerservice.contact.internal.DocumentationData.HandOffData;
import de.buergerservice.identity.UserDirectory;
import de.buergerservice.identity.UserInfo;
import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeCatalog;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.shared.privacy.PersonalDataRead;
import de.buergerservice.shared.privacy.PersonalDataRead.Access;
import de.buergerservice.shared.security.TenantScope;
import de.buergerservice.shared.web.ConflictException;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.InvalidFieldsException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.telephony.TelephonyAgents;
import de.buergerservice.tenancy.DepartmentInfo;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * Contacts as users read and document them. Every read is limited to the tenants the user may see (a foreign
 * contact is not found); agents, supervisors and administrators record and document, back office and management
 * read their municipality's. Documenting publishes {@link ContactDocumented} — and {@link ContactHandedOff} when the
 * outcome becomes {@code HANDED_OFF} — in the same transaction, and ends the agent's wrap-up after the commit.
 */
@Service
@Transactional
public class ContactService {

    public static final String READ = "hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT', 'BACKOFFICE', 'MANAGEMENT')";
    public static final String WRITE = "hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')";
    /** How far back the desk shows a caller's earlier contacts. */
    public static final Duration EARLIER = Duration.ofDays(30);

    private static final int MAX_LIST = 1000;

    private final ContactStore store;
    private final TenantScope scope;
    private final TenantDirectory tenants;
    private final UserDirectory users;
    private final KnowledgeCatalog knowledge;
    private final ConcernCategories categories;
    private final TelephonyAgents agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContactService(
            ContactStore store,
            TenantScope scope,
            TenantDirectory tenants,
            UserDirectory users,
            KnowledgeCatalog knowledge,
            ConcernCategories categories,
            TelephonyAgents agents,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.scope = scope;
        this.tenants = tenants;
        this.users = users;
        this.knowledge = knowledge;
        this.categories = categories;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
    }

    /** A list's filter as the API takes it; null fields do not filter. */
    public record Query(
            String tenant,
            String agent,
            Instant from,
            Instant to,
            ContactOutcome outcome,
            ContactState state,
            String callId,
            Boolean undocumented) {}

    /** A caller's earlier contacts in the last 30 days, in the municipalities the user serves. */
    public record EarlierContacts(long count, List<ContactView> contacts) {}

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<ContactView> list(Query query) {
        Collection<UUID> tenantIds = scope.restriction().orElse(null);
        if (query.tenant() != null && !query.tenant().isBlank()) {
            Optional<TenantInfo> tenant = tenants.findBySlug(query.tenant().strip());
            if (tenant.isEmpty() || !scope.permits(tenant.get().id())) {
                return List.of();
            }
            tenantIds = Set.of(tenant.get().id());
        }
        UUID agentId = null;
        if (query.agent() != null && !query.agent().isBlank()) {
            Optional<UserInfo> agent = user(query.agent().strip());
            if (agent.isEmpty()) {
                return List.of();
            }
            agentId = agent.get().id();
        }
        return store
                .list(new ContactStore.Filter(
                        tenantIds,
                        agentId,
                        query.from(),
                        query.to(),
                        query.outcome(),
                        query.state(),
                        query.callId(),
                        query.undocumented(),
                        MAX_LIST))
                .stream()
                .map(this::view)
                .toList();
    }

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public ContactView get(UUID id) {
        ContactRecord contact = find(id);
        events.publishEvent(new PersonalDataRead("Contact", id, contact.tenantId(), Access.READ, null));
        return withFollowOn(view(contact));
    }

    /**
     * The contact the user is on now or has just left: their newest {@code OPEN} contact whose wrap-up has not run
     * out (those are on the list of undocumented contacts instead), if any.
     */
    @PreAuthorize(WRITE)
    @Transactional(readOnly = true)
    public Optional<ContactView> currentOf(UUID userId) {
        return store
                .list(new ContactStore.Filter(
                        scope.restriction().orElse(null), userId, null, null, null, ContactState.OPEN, null, false, 1))
                .stream()
                .findFirst()
                .map(this::view);
    }

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public EarlierContacts earlier(UUID contactId) {
        ContactRecord contact = find(contactId);
        return earlier(contact.callerNumber(), contact.id());
    }

    /** Earlier contacts of a number (none for a withheld one), not counting {@code except}. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public EarlierContacts earlier(String callerNumber, UUID except) {
        if (callerNumber == null || callerNumber.isBlank()) {
            return new EarlierContacts(0, List.of());
        }
        List<ContactRecord> found = store.ofCaller(
                callerNumber,
                clock.instant().minus(EARLIER),
                scope.restriction().orElse(null),
                except);
        return new EarlierContacts(
                found.size(), found.stream().limit(10).map(this::view).toList());
    }

    /** The free categories a contact of the municipality may have as its concern. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<String> categories(UUID tenantId) {
        scope.check(tenantId, "tenant");
        return categories.of(tenantId);
    }

    @PreAuthorize(WRITE)
    public ContactView create(ContactData data) {
        TenantInfo tenant = tenants.findBySlug(data.tenant().strip())
                .filter(t -> scope.permits(t.id()))
                .orElseThrow(() -> new InvalidFieldException("tenant", "validation.contact.tenant"));
        if (data.channel() == ContactChannel.PHONE) {
            throw new InvalidFieldException("channel", "validation.contact.channel");
        }
        Instant now = clock.instant();
        Instant startedAt = data.startedAt() == null ? now : data.startedAt();
        if (startedAt.isAfter(now.plusSeconds(60))) {
            throw new InvalidFieldException("startedAt", "validation.contact.startedAt");
        }
        UUID id = UUID.randomUUID();
        store.insertManual(id, tenant.id(), data.channel(), startedAt, currentUserId(), now);
        if (data.documentation() != null) {
            return document(id, data.documentation(), "documentation.");
        }
        return get(id);
    }

    @PreAuthorize(WRITE)
    public ContactView document(UUID id, DocumentationData data) {
        return document(id, data, "");
    }

    private ContactView document(UUID id, DocumentationData data, String prefix) {
        ContactRecord before = find(id);
        ContactRecord documented = validated(before, data, prefix);
        if (!store.document(documented, clock.instant())) {
            throw new ConflictException("contactChanged");
        }
        publish(before, documented);
        if (before.phoneAgentId() != null && before.endedAt() != null && before.wrapUpEndedAt() == null) {
            UUID phoneAgent = before.phoneAgentId();
            afterCommit(() -> agents.endWrapUp(phoneAgent));
        }
        return get(id);
    }

    private void publish(ContactRecord before, ContactRecord c) {
        events.publishEvent(new ContactDocumented(
                c.id(),
                c.tenantId(),
                c.channel(),
                c.callId(),
                c.agentId(),
                c.outcome(),
                c.startedAt(),
                c.documentedAt()));
        if (c.outcome() == ContactOutcome.HANDED_OFF && before.outcome() != ContactOutcome.HANDED_OFF) {
            events.publishEvent(new ContactHandedOff(
                    c.id(),
                    c.tenantId(),
                    c.channel(),
                    c.departmentId(),
                    c.handOffKind(),
                    c.serviceId(),
                    c.category(),
                    c.concern(),
                    c.note(),
                    c.citizenName(),
                    c.citizenPhone(),
                    c.citizenEmail(),
                    c.callbackWindow(),
                    c.agentId(),
                    c.documentedAt()));
        }
    }

    /** The documented contact, or every rejected field at once with a German message. */
    private ContactRecord validated(ContactRecord c, DocumentationData data, String prefix) {
        List<InvalidFieldsException.Error> errors = new ArrayList<>();
        ContactOutcome outcome = data.outcome();
        if (outcome == null) {
            errors.add(error(prefix + "outcome", "validation.contact.outcome"));
        }
        ConcernData concern = data.concern();
        UUID serviceId = concern == null ? null : concern.serviceId();
        String category = concern == null
                        || concern.category() == null
                        || concern.category().isBlank()
                ? null
                : concern.category().strip();
        String title = null;
        UUID proposedDepartment = null;
        if (serviceId != null && category != null) {
            errors.add(error(prefix + "concern", "validation.contact.concernBoth"));
        } else if (serviceId != null) {
            Optional<ServiceView> service = knowledge.find(c.tenantId(), serviceId, Audience.STAFF);
            if (service.isEmpty()) {
                errors.add(error(prefix + "concern.serviceId", "validation.contact.service"));
            } else {
                title = service.get().title();
                proposedDepartment = service.get().departmentId();
            }
        } else if (category != null) {
            if (!categories.of(c.tenantId()).contains(category)) {
                errors.add(error(prefix + "concern.category", "validation.contact.category"));
            } else {
                title = category;
            }
        } else if (outcome != ContactOutcome.NO_CONCERN) {
            errors.add(error(prefix + "concern", "validation.contact.concern"));
        }
        String note = data.note() == null || data.note().isBlank()
                ? null
                : data.note().strip();
        UUID department = data.department();
        boolean needsDepartment = outcome == ContactOutcome.TRANSFERRED || outcome == ContactOutcome.HANDED_OFF;
        if (department == null && needsDepartment) {
            department = proposedDepartment;
        }
        if (department != null && !departmentOf(c.tenantId(), department)) {
            errors.add(error(prefix + "department", "validation.contact.departmentUnknown"));
        } else if (department == null && needsDepartment) {
            errors.add(error(prefix + "department", "validation.contact.department"));
        }
        HandOffData handOff = outcome == ContactOutcome.HANDED_OFF ? data.handOff() : null;
        if (outcome == ContactOutcome.HANDED_OFF) {
            if (note == null) {
                errors.add(error(prefix + "note", "validation.contact.noteForHandOff"));
            }
            handOffErrors(handOff, prefix, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        HandOffKind kind = handOff == null ? null : handOff.kind();
        return new ContactRecord(
                c.id(),
                c.tenantId(),
                c.channel(),
                c.callId(),
                c.callerNumber(),
                c.startedAt(),
                c.answeredAt(),
                c.endedAt(),
                c.waitMs(),
                c.agentId() != null ? c.agentId() : currentUserId(),
                c.phoneAgentId(),
                c.transferredTo(),
                c.wrapUpEndedAt(),
                serviceId,
                serviceId == null ? category : null,
                title,
                note,
                outcome,
                department,
                kind,
                handOff == null ? null : blankToNull(handOff.citizenName()),
                handOff == null ? null : blankToNull(handOff.phone()),
                handOff == null ? null : blankToNull(handOff.email()),
                handOff == null ? null : blankToNull(handOff.callbackWindow()),
                ContactState.DOCUMENTED,
                clock.instant(),
                scope.currentUsername(),
                c.version(),
                c.previousContactId());
    }

    private static void handOffErrors(HandOffData handOff, String prefix, List<InvalidFieldsException.Error> errors) {
        if (handOff == null || handOff.kind() == null) {
            errors.add(error(prefix + "handOff.kind", "validation.contact.handOffKind"));
            return;
        }
        if (handOff.kind() == HandOffKind.CALLBACK && blankToNull(handOff.phone()) == null) {
            errors.add(error(prefix + "handOff.phone", "validation.contact.callbackPhone"));
        }
        if (handOff.kind() == HandOffKind.ANSWER_BY_MAIL && blankToNull(handOff.email()) == null) {
            errors.add(error(prefix + "handOff.email", "validation.contact.mailAddress"));
        }
    }

    private boolean departmentOf(UUID tenantId, UUID departmentId) {
        return tenants.findDepartment(departmentId)
                .map(DepartmentInfo::tenantId)
                .filter(tenantId::equals)
                .isPresent();
    }

    private static InvalidFieldsException.Error error(String field, String code) {
        return new InvalidFieldsException.Error(field, code, new Object[0], null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private ContactRecord find(UUID id) {
        ContactRecord contact = store.find(id).orElseThrow(() -> new ResourceNotFoundException("contact"));
        scope.check(contact.tenantId(), "contact");
        return contact;
    }

    private UUID currentUserId() {
        return users.findByUsername(scope.currentUsername()).map(UserInfo::id).orElse(null);
    }

    private Optional<UserInfo> user(String agent) {
        try {
            return users.findById(UUID.fromString(agent));
        } catch (IllegalArgumentException notAnId) {
            return users.findByUsername(agent);
        }
    }

    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }

    ContactView view(ContactRecord c) {
        Optional<TenantInfo> tenant = tenants.findById(c.tenantId());
        return new ContactView(
                c.id(),
                tenant.map(TenantInfo::slug).orElse(null),
                tenant.map(TenantInfo::name).orElse(null),
                c.channel(),
                c.callId(),
                c.callerNumber(),
                c.startedAt(),
                c.answeredAt(),
                c.endedAt(),
                c.waitMs() == null ? null : c.waitMs() / 1000,
                c.agentId(),
                c.agentId() == null
                        ? null
                        : users.findById(c.agentId()).map(UserInfo::username).orElse(null),
                c.serviceId() == null && c.category() == null
                        ? null
                        : new ContactView.Concern(c.serviceId(), c.category(), c.concern()),
                c.note(),
                c.outcome(),
                c.departmentId(),
                c.transferredTo(),
                c.handOffKind() == null
                        ? null
                        : new ContactView.HandOff(
                                c.handOffKind(),
                                c.citizenName(),
                                c.citizenPhone(),
                                c.citizenEmail(),
                                c.callbackWindow()),
                c.state(),
                c.undocumented(),
                c.documentedAt(),
                c.documentedBy(),
                c.previousContactId(),
                null);
    }

    private ContactView withFollowOn(ContactView v) {
        UUID next = store.followOnOf(v.id()).orElse(null);
        if (next == null) {
            return v;
        }
        return new ContactView(
                v.id(),
                v.tenant(),
                v.tenantName(),
                v.channel(),
                v.callId(),
                v.callerNumber(),
                v.startedAt(),
                v.answeredAt(),
                v.endedAt(),
                v.waitSeconds(),
                v.agentId(),
                v.agent(),
                v.concern(),
                v.note(),
                v.outcome(),
                v.department(),
                v.transferredTo(),
                v.handOff(),
                v.state(),
                v.undocumented(),
                v.documentedAt(),
                v.documentedBy(),
                v.previousContactId(),
                next);
    }
}
