package de.buergerservice.shared.security;

import java.util.Set;
import java.util.UUID;

/**
 * Implemented by every authenticated principal of the product, whatever the login method (form, HTTP Basic,
 * OIDC, JWT) — and by the {@link SystemActor}. A principal with only tenant-bound roles sees exactly its tenants;
 * all others see every tenant.
 */
public interface ScopedPrincipal {

    /** The login name, as the audit log and version histories show it. */
    String username();

    /** {@code true} if the principal may only see {@link #tenantIds()}. */
    boolean restrictedToTenants();

    /** The tenants assigned to the principal (the only ones it sees when {@link #restrictedToTenants()}). */
    Set<UUID> tenantIds();

    /** The departments assigned to the principal (back-office staff), empty if none. */
    default Set<UUID> departmentIds() {
        return Set.of();
    }
}
