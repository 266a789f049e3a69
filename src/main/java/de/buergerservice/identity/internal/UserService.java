package de.buergerservice.identity.internal;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.shared.audit.ChangeRecorder;
import de.buergerservice.shared.security.Role;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.tenancy.DepartmentInfo;
import de.buergerservice.tenancy.TenantDeleted;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * User administration. Only administrators manage users; the last enabled administrator can be neither
 * disabled, demoted nor deleted, so nobody locks the operator out.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class UserService {

    static final String AUDIT_TYPE = "User";

    private final UserAccountRepository accounts;
    private final TenantDirectory tenants;
    private final PasswordEncoder passwords;
    private final ChangeRecorder changes;
    private final CredentialCache credentials;
    private final Clock clock;

    UserService(
            UserAccountRepository accounts,
            TenantDirectory tenants,
            PasswordEncoder passwords,
            ChangeRecorder changes,
            CredentialCache credentials,
            Clock clock) {
        this.accounts = accounts;
        this.tenants = tenants;
        this.passwords = passwords;
        this.changes = changes;
        this.credentials = credentials;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<UserView> list() {
        return accounts.findAllByOrderByUsername().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public UserView get(UUID id) {
        return view(find(id));
    }

    public UserView create(UserData data) {
        String username = normalize(data.username());
        if (accounts.existsByUsername(username)) {
            throw new InvalidFieldException("username", "validation.username.taken", username);
        }
        if (data.password() == null) {
            throw new InvalidFieldException("password", "validation.password.required");
        }
        UserAccount account = new UserAccount(username, passwords.encode(data.password()), clock.instant());
        apply(account, data);
        UserView view = view(accounts.save(account));
        changes.created(AUDIT_TYPE, account.getId(), null, view);
        return view;
    }

    public UserView update(UUID id, UserData data) {
        UserAccount account = find(id);
        if (!account.getUsername().equals(normalize(data.username()))) {
            throw new InvalidFieldException("username", "validation.username.immutable");
        }
        UserView before = view(account);
        if (account.hasRole(Role.ADMIN) && (!data.enabled() || !data.roles().contains(Role.ADMIN))) {
            requireAnotherAdministrator(account);
        }
        apply(account, data);
        if (data.password() != null) {
            account.changePassword(passwords.encode(data.password()), clock.instant());
        }
        UserView after = view(accounts.saveAndFlush(account));
        // a cached Basic login or token must not keep the old password, roles or tenants alive
        credentials.evictUser(id);
        changes.updated(AUDIT_TYPE, id, null, before, after);
        return after;
    }

    public void delete(UUID id) {
        UserAccount account = find(id);
        if (account.hasRole(Role.ADMIN)) {
            requireAnotherAdministrator(account);
        }
        UserView snapshot = view(account);
        accounts.delete(account);
        credentials.evictUser(id);
        changes.deleted(AUDIT_TYPE, id, null, snapshot);
    }

    /** A deleted municipality's users lose it; they keep their other assignments. */
    @EventListener
    @PreAuthorize("permitAll()")
    public void on(TenantDeleted event) {
        accounts.findByTenantId(event.tenantId()).forEach(account -> account.dropTenant(event.tenantId()));
        credentials.evictAll();
    }

    private void apply(UserAccount account, UserData data) {
        Set<UUID> tenantIds = new HashSet<>();
        for (String slug : data.tenants()) {
            tenantIds.add(tenants.findBySlug(slug)
                    .map(TenantInfo::id)
                    .orElseThrow(() -> new InvalidFieldException("tenants", "validation.tenant.unknown", slug)));
        }
        for (UUID departmentId : data.departmentIds()) {
            tenants.findDepartment(departmentId)
                    .map(DepartmentInfo::tenantId)
                    .filter(tenantIds::contains)
                    .orElseThrow(() -> new InvalidFieldException("departmentIds", "validation.user.department"));
        }
        account.apply(data.displayName(), data.email(), data.enabled(), data.roles(), tenantIds, data.departmentIds());
    }

    private void requireAnotherAdministrator(UserAccount account) {
        boolean another = accounts.findEnabledWithRole(Role.ADMIN).stream().anyMatch(a -> !a.equals(account));
        if (!another) {
            throw new InvalidFieldException("roles", "validation.user.lastAdministrator");
        }
    }

    private UserAccount find(UUID id) {
        return accounts.findById(id).orElseThrow(() -> new ResourceNotFoundException("user"));
    }

    private UserView view(UserAccount account) {
        var info = account.toInfo();
        Set<String> slugs = new TreeSet<>();
        info.tenantIds().forEach(id -> tenants.findById(id).ifPresent(t -> slugs.add(t.slug())));
        return new UserView(
                info.id(),
                info.username(),
                info.displayName(),
                info.email(),
                info.enabled(),
                info.roles(),
                slugs,
                info.departmentIds(),
                account.getPasswordChangedAt());
    }

    static String normalize(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
