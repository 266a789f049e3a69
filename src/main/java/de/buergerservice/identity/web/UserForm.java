package de.buergerservice.identity.web;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import de.buergerservice.identity.internal.UserData;
import de.buergerservice.identity.internal.UserView;
import de.buergerservice.shared.security.Role;

/** The admin form of a user. */
public class UserForm {

    private String username;
    private String displayName;
    private String email;
    private String password;
    private boolean enabled = true;
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    private Set<String> tenants = new HashSet<>();
    private Set<UUID> departmentIds = new HashSet<>();

    static UserForm of(UserView user) {
        UserForm form = new UserForm();
        form.username = user.username();
        form.displayName = user.displayName();
        form.email = user.email();
        form.enabled = user.enabled();
        form.roles = user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles());
        form.tenants = new HashSet<>(user.tenants());
        form.departmentIds = new HashSet<>(user.departmentIds());
        return form;
    }

    UserData toData() {
        return new UserData(
                username == null ? null : username.strip().toLowerCase(Locale.ROOT),
                displayName,
                email == null || email.isBlank() ? null : email.strip(),
                password,
                enabled,
                roles == null ? Set.of() : roles,
                tenants == null ? Set.of() : tenants,
                departmentIds == null ? Set.of() : departmentIds);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles;
    }

    public Set<String> getTenants() {
        return tenants;
    }

    public void setTenants(Set<String> tenants) {
        this.tenants = tenants;
    }

    public Set<UUID> getDepartmentIds() {
        return departmentIds;
    }

    public void setDepartmentIds(Set<UUID> departmentIds) {
        this.departmentIds = departmentIds;
    }
}
