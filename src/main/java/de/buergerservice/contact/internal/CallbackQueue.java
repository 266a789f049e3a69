package de.buergerservice.contact.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.contact.ServiceCenterCallbacks;
import de.buergerservice.identity.UserDirectory;
import de.buergerservice.identity.UserInfo;
import de.buergerservice.shared.security.TenantScope;
import de.buergerservice.shared.web.ConflictException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * The ServiceCenter's callbacks to make ({@link ServiceCenterCallbacks}): stored once per ticket, listed for agents
 * and supervisors (limited to the municipalities the user serves), taken by one agent — which opens the phone
 * contact of the callback, its previous contact being the one the ticket came from.
 */
@Service
@Transactional
public class CallbackQueue implements ServiceCenterCallbacks {

    public static final String WORK = "hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')";

    private static final String COLUMNS = "select id, tenant_id, ticket_id, first_contact_id, citizen_name, phone,"
            + " note, requested_at, taken_by, taken_at, contact_id from contact_callback ";

    private final JdbcTemplate jdbc;
    private final ContactStore contacts;
    private final ContactService service;
    private final TenantDirectory tenants;
    private final UserDirectory users;
    private final TenantScope scope;
    private final Clock clock;

    CallbackQueue(
            JdbcTemplate jdbc,
            ContactStore contacts,
            ContactService service,
            TenantDirectory tenants,
            UserDirectory users,
            TenantScope scope,
            Clock clock) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.service = service;
        this.tenants = tenants;
        this.users = users;
        this.scope = scope;
        this.clock = clock;
    }

    @Override
    public void request(Request r) {
        jdbc.update(
                "insert into contact_callback (id, tenant_id, ticket_id, first_contact_id, citizen_name, phone, note,"
                        + " requested_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                UUID.randomUUID(),
                r.tenantId(),
                r.ticketId(),
                r.firstContactId(),
                r.citizenName(),
                r.phone(),
                r.note(),
                ts(r.at()));
    }

    /** Callbacks nobody has taken yet, oldest first. */
    @PreAuthorize(WORK)
    @Transactional(readOnly = true)
    public List<CallbackView> open() {
        List<Object> args = new ArrayList<>();
        String where = "where taken_at is null" + tenantClause(args);
        return jdbc.query(COLUMNS + where + " order by requested_at, id", this::row, args.toArray()).stream()
                .map(this::view)
                .toList();
    }

    @PreAuthorize(WORK)
    @Transactional(readOnly = true)
    public CallbackView get(UUID id) {
        return view(find(id));
    }

    /**
     * The current user takes the callback: it leaves the lists and becomes an open phone contact of theirs to
     * document. Taken by somebody else already: 409.
     */
    @PreAuthorize(WORK)
    public ContactView take(UUID id) {
        Row callback = find(id);
        Instant now = clock.instant();
        String username = scope.currentUsername();
        UUID contactId = UUID.randomUUID();
        int taken = jdbc.update(
                "update contact_callback set taken_by = ?, taken_at = ?, contact_id = ? where id = ? and taken_at is null",
                username,
                ts(now),
                contactId,
                id);
        if (taken == 0) {
            throw new ConflictException("callbackTaken");
        }
        UUID agentId = users.findByUsername(username).map(UserInfo::id).orElse(null);
        contacts.insertCallback(
                contactId, callback.tenantId(), callback.phone(), now, agentId, callback.firstContactId());
        return service.get(contactId);
    }

    private Row find(UUID id) {
        List<Object> args = new ArrayList<>(List.of(id));
        String where = "where id = ?" + tenantClause(args);
        return jdbc.query(COLUMNS + where, this::row, args.toArray()).stream()
                .findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("callback"));
    }

    private String tenantClause(List<Object> args) {
        Optional<Set<UUID>> restriction = scope.restriction();
        if (restriction.isEmpty()) {
            return "";
        }
        Collection<UUID> ids = restriction.get();
        if (ids.isEmpty()) {
            return " and 1 = 0";
        }
        args.addAll(ids);
        return " and tenant_id in (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")";
    }

    private record Row(
            UUID id,
            UUID tenantId,
            UUID ticketId,
            UUID firstContactId,
            String citizenName,
            String phone,
            String note,
            Instant requestedAt,
            String takenBy,
            Instant takenAt,
            UUID contactId) {}

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                instant(rs.getTimestamp(8)),
                rs.getString(9),
                instant(rs.getTimestamp(10)),
                rs.getObject(11, UUID.class));
    }

    private CallbackView view(Row r) {
        Optional<TenantInfo> tenant = tenants.findById(r.tenantId());
        return new CallbackView(
                r.id(),
                tenant.map(TenantInfo::slug).orElse(null),
                tenant.map(TenantInfo::name).orElse(null),
                r.ticketId(),
                r.firstContactId(),
                r.citizenName(),
                r.phone(),
                r.note(),
                r.requestedAt(),
                r.takenBy(),
                r.takenAt(),
                r.contactId());
    }

    private static java.time.OffsetDateTime ts(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
