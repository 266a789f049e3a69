package de.buergerservice.shared.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import de.buergerservice.shared.audit.AuditedChange.Action;
import de.buergerservice.shared.audit.AuditedChange.FieldChange;

/**
 * Records a change to audited data by comparing snapshots (the API view of the record before and after) property
 * by property, and publishes it as {@link AuditedChange}. Call it inside the transaction that makes the change.
 */
@Component
public class ChangeRecorder {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    public ChangeRecorder(ApplicationEventPublisher events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    public void created(String entityType, UUID entityId, UUID tenantId, Object snapshot) {
        publish(entityType, entityId, tenantId, Action.CREATED, diff(null, snapshot));
    }

    public void updated(String entityType, UUID entityId, UUID tenantId, Object before, Object after) {
        Map<String, FieldChange> changes = diff(before, after);
        if (!changes.isEmpty()) {
            publish(entityType, entityId, tenantId, Action.UPDATED, changes);
        }
    }

    public void deleted(String entityType, UUID entityId, UUID tenantId, Object snapshot) {
        publish(entityType, entityId, tenantId, Action.DELETED, diff(snapshot, null));
    }

    /** Properties whose JSON value differs between the two snapshots; either may be {@code null}. */
    Map<String, FieldChange> diff(Object before, Object after) {
        Map<String, Object> old = before == null ? Map.of() : json.convertValue(before, MAP);
        Map<String, Object> now = after == null ? Map.of() : json.convertValue(after, MAP);
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        var keys = new TreeSet<String>(old.keySet());
        keys.addAll(now.keySet());
        for (String key : keys) {
            Object was = old.get(key);
            Object is = now.get(key);
            if (!Objects.equals(was, is)) {
                changes.put(key, new FieldChange(was, is));
            }
        }
        return changes;
    }

    private void publish(
            String entityType, UUID entityId, UUID tenantId, Action action, Map<String, FieldChange> changes) {
        events.publishEvent(new AuditedChange(entityType, entityId, tenantId, action, changes));
    }
}
