package de.buergerservice.identity.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;

import de.buergerservice.shared.security.Role;
import de.buergerservice.shared.security.ScopedPrincipal;

/**
 * A user authenticated by a bearer token of the organisation's identity provider; roles and tenants come from
 * the token's claims.
 */
record ClaimsPrincipal(String username, Set<Role> roles, Set<UUID> tenantIds)
        implements ScopedPrincipal, AuthenticatedPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public boolean restrictedToTenants() {
        return Role.bindToTenants(roles);
    }

    @Override
    public String getName() {
        return username;
    }
}
