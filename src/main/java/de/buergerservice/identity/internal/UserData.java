package de.buergerservice.identity.internal;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import de.buergerservice.shared.security.Role;

/**
 * What an administrator enters for a user. Tenants are named by slug. The password may be left empty when
 * editing (keeps the old one); new users need one.
 */
@AcceptablePassword
public record UserData(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,99}", message = "{validation.username}")
        String username,

        @NotBlank @Size(max = 200) String displayName,
        @Email @Size(max = 320) String email,

        @Size(min = PasswordPolicy.MIN_LENGTH, max = 200, message = "{validation.password.length}")
        String password,

        boolean enabled,
        @NotEmpty Set<@NotNull Role> roles,
        @NotNull Set<@NotBlank String> tenants,
        @NotNull Set<@NotNull UUID> departmentIds) {

    public UserData {
        password = password == null || password.isEmpty() ? null : password;
        tenants = tenants == null ? Set.of() : tenants;
        departmentIds = departmentIds == null ? Set.of() : departmentIds;
    }

    // Reported on "tenants": back-office staff and management work for named municipalities.
    @AssertTrue(message = "{validation.user.tenantsRequired}")
    boolean isTenants() {
        return roles == null || roles.stream().noneMatch(Role::isTenantBound) || !tenants.isEmpty();
    }
}
