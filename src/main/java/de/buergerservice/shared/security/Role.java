package de.buergerservice.shared.security;

import java.util.Collection;

/**
 * What a user may do. Roles that serve every municipality see all tenants; {@link #BACKOFFICE} and
 * {@link #MANAGEMENT} are bound to the tenants assigned to the user.
 */
public enum Role {
    ADMIN(false),
    SUPERVISOR(false),
    AGENT(false),
    EDITOR(false),
    BACKOFFICE(true),
    MANAGEMENT(true);

    private final boolean tenantBound;

    Role(boolean tenantBound) {
        this.tenantBound = tenantBound;
    }

    /** Whether this role alone restricts a user to the tenants assigned to them. */
    public boolean isTenantBound() {
        return tenantBound;
    }

    /**
     * Whether a user with these roles sees only their assigned tenants: yes unless one role serves every
     * tenant. A user without any role is bound too (and, having no role, is given no tenant).
     */
    public static boolean bindToTenants(Collection<Role> roles) {
        return roles.stream().allMatch(Role::isTenantBound);
    }

    /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
