package de.buergerservice.identity.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import de.buergerservice.shared.security.Role;

/** A user as the REST API and the admin pages show it; never the password. */
public record UserView(
        UUID id,
        String username,
        String displayName,
        String email,
        boolean enabled,
        Set<Role> roles,
        Set<String> tenants,
        Set<UUID> departmentIds,
        Instant passwordChangedAt) {

    public UserData toData() {
        return new UserData(username, displayName, email, null, enabled, roles, tenants, departmentIds);
    }
}
