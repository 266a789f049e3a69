package de.buergerservice.shared.audit;

import java.util.Map;
import java.util.UUID;

/**
 * Published inside the transaction of every change to audited data (tenants, agreements, users, …). The identity
 * module writes it to the audit log together with who made the change, so the log can never miss a committed
 * change nor hold one that was rolled back.
 *
 * @param entityType what changed, e.g. {@code Tenant}
 * @param tenantId the tenant the record belongs to, {@code null} for data of the operator
 * @param changes changed properties with their value before and after ({@code null} where absent)
 */
public record AuditedChange(
        String entityType, UUID entityId, UUID tenantId, Action action, Map<String, FieldChange> changes) {

    public enum Action {
        CREATED,
        UPDATED,
        DELETED
    }

    public record FieldChange(Object before, Object after) {}
}
