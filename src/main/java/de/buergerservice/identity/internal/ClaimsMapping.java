package de.buergerservice.identity.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import de.buergerservice.shared.security.Role;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * Maps the claims of an OIDC ID token or JWT access token to a {@link ClaimsPrincipal}. Unknown roles and tenant
 * slugs are ignored, so a token grants at most what it names and the product knows.
 */
@Component
class ClaimsMapping {

    private final OidcProperties properties;
    private final TenantDirectory tenants;

    ClaimsMapping(OidcProperties properties, TenantDirectory tenants) {
        this.properties = properties;
        this.tenants = tenants;
    }

    ClaimsPrincipal principal(Map<String, Object> claims, String fallbackName) {
        Object name = lookup(claims, properties.usernameClaim());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : strings(lookup(claims, properties.rolesClaim()))) {
            String role = value.toUpperCase(Locale.ROOT).replaceFirst("^ROLE_", "");
            for (Role candidate : Role.values()) {
                if (candidate.name().equals(role)) {
                    roles.add(candidate);
                }
            }
        }
        Set<UUID> tenantIds = new HashSet<>();
        if (!roles.isEmpty()) {
            for (String slug : strings(lookup(claims, properties.tenantsClaim()))) {
                tenants.findBySlug(slug).map(TenantInfo::id).ifPresent(tenantIds::add);
            }
        }
        return new ClaimsPrincipal(name == null ? fallbackName : name.toString(), roles, tenantIds);
    }

    static List<GrantedAuthority> authorities(ClaimsPrincipal principal) {
        return principal.roles().stream()
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
    }

    private static Object lookup(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static Collection<String> strings(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (value instanceof String text && !text.isBlank()) {
            return List.of(text.split("[,\\s]+"));
        }
        return List.of();
    }
}
