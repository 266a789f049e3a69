package de.buergerservice.identity.web;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import de.buergerservice.identity.internal.UserData;
import de.buergerservice.identity.internal.UserService;
import de.buergerservice.identity.internal.UserView;
import de.buergerservice.shared.security.ScopedPrincipal;

/** REST API of users ({@code /api/v1/users}, administrators) and of the caller itself ({@code /api/v1/me}). */
@RestController
class UserApiController {

    /** Decided before the body is read, so a user without the role learns that first (403, not 400). */
    static final String ADMIN = "hasRole('ADMIN')";

    private final UserService users;

    UserApiController(UserService users) {
        this.users = users;
    }

    /** Who am I, with which roles, for which tenants. */
    record Me(String username, Set<String> roles, boolean restrictedToTenants, Set<UUID> tenantIds) {}

    @GetMapping("/api/v1/me")
    Me me(Authentication authentication) {
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toCollection(TreeSet::new));
        if (authentication.getPrincipal() instanceof ScopedPrincipal principal) {
            return new Me(principal.username(), roles, principal.restrictedToTenants(), principal.tenantIds());
        }
        return new Me(authentication.getName(), roles, true, Set.of());
    }

    @PreAuthorize(ADMIN)
    @GetMapping("/api/v1/users")
    List<UserView> list() {
        return users.list();
    }

    @PreAuthorize(ADMIN)
    @PostMapping("/api/v1/users")
    ResponseEntity<UserView> create(@Valid @RequestBody UserData data) {
        UserView created = users.create(data);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id()))
                .body(created);
    }

    @PreAuthorize(ADMIN)
    @GetMapping("/api/v1/users/{userId}")
    UserView get(@PathVariable UUID userId) {
        return users.get(userId);
    }

    @PreAuthorize(ADMIN)
    @PutMapping("/api/v1/users/{userId}")
    UserView update(@PathVariable UUID userId, @Valid @RequestBody UserData data) {
        return users.update(userId, data);
    }

    @PreAuthorize(ADMIN)
    @DeleteMapping("/api/v1/users/{userId}")
    ResponseEntity<Void> delete(@PathVariable UUID userId) {
        users.delete(userId);
        return ResponseEntity.noContent().build();
    }
}
