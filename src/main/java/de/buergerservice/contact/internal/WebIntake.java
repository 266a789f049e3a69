package de.buergerservice.contact.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.contact.ContactChannel;
import de.buergerservice.contact.ContactDocumented;
import de.buergerservice.contact.ContactHandedOff;
import de.buergerservice.contact.ContactIntake;
import de.buergerservice.contact.ContactOutcome;
import de.buergerservice.contact.HandOffKind;
import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeCatalog;
import de.buergerservice.knowledge.ServiceView;

/**
 * The portal's contact form as a contact: {@code WEB}, documented {@code HANDED_OFF} to be answered by mail, and
 * published as {@link ContactHandedOff} and {@link ContactDocumented} in the storing transaction. A system call (the
 * portal has validated the form); the department is the given one, else the service's responsible one.
 */
@Service
class WebIntake implements ContactIntake {

    static final String ACTOR = "portal";
    private static final int CONCERN_LENGTH = 300;
    private static final int NOTE_LENGTH = 2000;

    private final JdbcTemplate jdbc;
    private final KnowledgeCatalog knowledge;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WebIntake(JdbcTemplate jdbc, KnowledgeCatalog knowledge, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.knowledge = knowledge;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UUID submitWebRequest(WebRequest request) {
        if (request.tenantId() == null) {
            throw new IllegalArgumentException("tenantId is required");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        ServiceView service = request.serviceId() == null
                ? null
                : knowledge
                        .find(request.tenantId(), request.serviceId(), Audience.PUBLIC)
                        .orElse(null);
        UUID serviceId = service == null ? null : service.id();
        UUID department = request.departmentId() != null
                ? request.departmentId()
                : service == null ? null : service.departmentId();
        String concern = service == null ? null : cut(service.title(), CONCERN_LENGTH);
        String note = cut(request.message(), NOTE_LENGTH);
        jdbc.update(
                "insert into contact (id, tenant_id, channel, started_at, service_id, concern, note, outcome,"
                        + " department_id, handoff_kind, citizen_name, citizen_phone, citizen_email, state,"
                        + " documented_at, documented_by, version, created_at, updated_at)"
                        + " values (?, ?, 'WEB', ?, ?, ?, ?, 'HANDED_OFF', ?, 'ANSWER_BY_MAIL', ?, ?, ?, 'DOCUMENTED',"
                        + " ?, ?, 0, ?, ?)",
                id,
                request.tenantId(),
                ts(now),
                serviceId,
                concern,
                note,
                department,
                cut(request.citizenName(), 200),
                cut(request.phone(), 64),
                cut(request.email(), 320),
                ts(now),
                ACTOR,
                ts(now),
                ts(now));
        events.publishEvent(new ContactHandedOff(
                id,
                request.tenantId(),
                ContactChannel.WEB,
                department,
                HandOffKind.ANSWER_BY_MAIL,
                serviceId,
                null,
                concern,
                note,
                request.citizenName(),
                request.phone(),
                request.email(),
                null,
                null,
                now));
        events.publishEvent(new ContactDocumented(
                id, request.tenantId(), ContactChannel.WEB, null, null, ContactOutcome.HANDED_OFF, now, now));
        return id;
    }

    private static String cut(String value, int length) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return v.length() <= length ? v : v.substring(0, length);
    }

    private static java.time.OffsetDateTime ts(Instant at) {
        return java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC);
    }
}
