package de.buergerservice.identity.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import de.buergerservice.shared.security.Role;
import de.buergerservice.shared.security.ScopedPrincipal;

/**
 * The signed-in user as Spring Security holds it, for every login method. A user is bound to their tenants
 * only if every role they hold is tenant-bound (a back-office clerk who is also a supervisor sees all tenants).
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer, ScopedPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID id;
    private final String username;
    private final String displayName;
    private String passwordHash;
    private final boolean enabled;
    private final Set<Role> roles;
    private final Set<UUID> tenantIds;
    private final Set<UUID> departmentIds;

    public AccountPrincipal(
            UUID id,
            String username,
            String displayName,
            String passwordHash,
            boolean enabled,
            Set<Role> roles,
            Set<UUID> tenantIds,
            Set<UUID> departmentIds) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.roles = Set.copyOf(roles);
        this.tenantIds = roles.isEmpty() ? Set.of() : Set.copyOf(tenantIds);
        this.departmentIds = Set.copyOf(departmentIds);
    }

    static AccountPrincipal of(UserAccount account) {
        var info = account.toInfo();
        return new AccountPrincipal(
                info.id(),
                info.username(),
                info.displayName(),
                account.getPasswordHash(),
                info.enabled(),
                info.roles(),
                info.tenantIds(),
                info.departmentIds());
    }

    public UUID id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return roles;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public boolean restrictedToTenants() {
        return Role.bindToTenants(roles);
    }

    @Override
    public Set<UUID> tenantIds() {
        return tenantIds;
    }

    @Override
    public Set<UUID> departmentIds() {
        return departmentIds;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = roles.stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return username;
    }
}
