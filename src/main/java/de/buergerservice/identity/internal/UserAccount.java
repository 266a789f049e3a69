package de.buergerservice.identity.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import de.buergerservice.identity.UserInfo;
import de.buergerservice.shared.persistence.PersistentEntity;
import de.buergerservice.shared.security.Role;

/** A person who signs in: agent, supervisor, editor, back-office clerk, manager or administrator. */
@Entity
@Table(name = "user_account")
public class UserAccount extends PersistentEntity {

    @Column(nullable = false, unique = true, length = 100)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(length = 320)
    private String email;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Column(nullable = false)
    private boolean enabled = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 20)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_tenant", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "tenant_id", nullable = false)
    private Set<UUID> tenantIds = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_department", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "department_id", nullable = false)
    private Set<UUID> departmentIds = new HashSet<>();

    protected UserAccount() {}

    UserAccount(String username, String passwordHash, Instant now) {
        this.username = username;
        changePassword(passwordHash, now);
    }

    void apply(
            String displayName,
            String email,
            boolean enabled,
            Set<Role> roles,
            Set<UUID> tenantIds,
            Set<UUID> departmentIds) {
        this.displayName = displayName.strip();
        this.email = email == null || email.isBlank() ? null : email.strip();
        this.enabled = enabled;
        this.roles.clear();
        this.roles.addAll(roles);
        this.tenantIds.clear();
        this.tenantIds.addAll(tenantIds);
        this.departmentIds.clear();
        this.departmentIds.addAll(departmentIds);
    }

    void changePassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
    }

    Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    boolean dropTenant(UUID tenantId) {
        return tenantIds.remove(tenantId);
    }

    public String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    UserInfo toInfo() {
        return new UserInfo(
                getId(),
                username,
                displayName,
                email,
                Set.copyOf(roles),
                Set.copyOf(tenantIds),
                Set.copyOf(departmentIds),
                enabled);
    }
}
