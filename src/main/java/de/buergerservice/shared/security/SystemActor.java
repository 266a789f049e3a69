package de.buergerservice.shared.security;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs start-up work (demo data, the first administrator) as the system with administrator rights, through the
 * same checked services a user would call. The audit log names it {@code system}.
 */
public final class SystemActor implements ScopedPrincipal {

    public static final String NAME = "system";

    private SystemActor() {}

    public static void run(Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new SystemActor(), null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    @Override
    public String username() {
        return NAME;
    }

    @Override
    public boolean restrictedToTenants() {
        return false;
    }

    @Override
    public Set<UUID> tenantIds() {
        return Set.of();
    }

    @Override
    public String toString() {
        return NAME;
    }
}
