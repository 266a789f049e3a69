package de.buergerservice.identity;

import java.util.Set;
import java.util.UUID;

import de.buergerservice.shared.security.Role;

/** A user as other modules see it (no credentials). */
public record UserInfo(
        UUID id,
        String username,
        String displayName,
        String email,
        Set<Role> roles,
        Set<UUID> tenantIds,
        Set<UUID> departmentIds,
        boolean enabled) {

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
