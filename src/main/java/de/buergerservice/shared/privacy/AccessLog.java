package de.buergerservice.shared.privacy;

import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What a module calls when a user opens a record with personal data, so the access log (identity) knows who read
 * what and when: {@code accessLog.read("Contact", id, tenantId)}. The entry is written in a transaction of its own,
 * also when the read itself runs read-only.
 */
@Component
public class AccessLog {

    private final ApplicationEventPublisher events;

    public AccessLog(ApplicationEventPublisher events) {
        this.events = events;
    }

    public void read(String entityType, UUID entityId, UUID tenantId) {
        record(entityType, entityId, tenantId, PersonalDataRead.Access.READ, null);
    }

    public void record(String entityType, UUID entityId, UUID tenantId, PersonalDataRead.Access access, String detail) {
        events.publishEvent(new PersonalDataRead(entityType, entityId, tenantId, access, detail));
    }
}
