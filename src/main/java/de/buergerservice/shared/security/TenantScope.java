package de.buergerservice.shared.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import de.buergerservice.shared.web.ResourceNotFoundException;

/**
 * The single place that answers "may the current user see data of this tenant?". Every module asks it;
 * nobody re-implements the rule. A foreign tenant's record is reported as not found, never as forbidden,
 * so its existence is not revealed.
 */
@Component
public class TenantScope {

    /** The tenants the current user is limited to, or empty if the user may see every tenant. */
    public Optional<Set<UUID>> restriction() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return Optional.of(Set.of());
        }
        if (auth.getPrincipal() instanceof ScopedPrincipal principal) {
            return principal.restrictedToTenants() ? Optional.of(principal.tenantIds()) : Optional.empty();
        }
        // Unknown principal types (e.g. the system itself at start-up) are not a user; give no tenant access.
        return Optional.of(Set.of());
    }

    /** The login name of the current user, {@code system} for start-up work, {@code anonymous} otherwise. */
    public String currentUsername() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ScopedPrincipal principal) {
            return principal.username();
        }
        return auth == null ? "anonymous" : auth.getName();
    }

    /**
     * The departments the current user is limited to within its municipality: a back-office user with departments
     * assigned sees only their work (tickets); supervisors, administrators, management and back-office users without
     * departments (a municipality's central back office) are not limited by department.
     */
    public Optional<Set<UUID>> departmentRestriction() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return Optional.of(Set.of());
        }
        if (auth.getPrincipal() instanceof ScopedPrincipal principal
                && principal.restrictedToTenants()
                && !principal.departmentIds().isEmpty()
                && auth.getAuthorities().stream()
                        .noneMatch(a -> ("ROLE_" + Role.MANAGEMENT.name()).equals(a.getAuthority()))) {
            return Optional.of(principal.departmentIds());
        }
        return Optional.empty();
    }

    public boolean permits(UUID tenantId) {
        return restriction().map(ids -> ids.contains(tenantId)).orElse(true);
    }

    /**
     * Throws {@link ResourceNotFoundException} for {@code what} unless the current user may see the tenant.
     */
    public void check(UUID tenantId, String what) {
        if (tenantId == null || !permits(tenantId)) {
            throw new ResourceNotFoundException(what);
        }
    }
}
