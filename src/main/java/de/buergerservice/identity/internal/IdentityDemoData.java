package de.buergerservice.identity.internal;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.buergerservice.shared.security.Role;
import de.buergerservice.shared.security.SystemActor;
import de.buergerservice.tenancy.DepartmentInfo;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * Demo users (embedded default only), all with the password {@code demo}; listed in README.md. Loaded once into
 * an empty user table, after the demo municipalities.
 */
@Component
@ConditionalOnBooleanProperty("buergerservice.demo-data")
@Order(IdentityDemoData.ORDER)
class IdentityDemoData implements ApplicationRunner {

    static final int ORDER = 20;
    static final String PASSWORD = "demo";

    private final UserAccountRepository accounts;
    private final UserService users;
    private final TenantDirectory tenants;

    IdentityDemoData(UserAccountRepository accounts, UserService users, TenantDirectory tenants) {
        this.accounts = accounts;
        this.users = users;
        this.tenants = tenants;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() == 0) {
            SystemActor.run(this::load);
        }
    }

    private void load() {
        create("admin", "Anna Admin", Role.ADMIN);
        create("supervisor", "Sven Schichtleiter", Role.SUPERVISOR);
        create("agent1", "Ayla Agentin", Role.AGENT);
        create("agent2", "Bernd Berater", Role.AGENT);
        create("editor", "Erika Redakteurin", Role.EDITOR);
        create("artland-backoffice", "Bea Backoffice (Artland)", Role.BACKOFFICE, "artland");
        create("oldenburg-backoffice", "Olaf Backoffice (Oldenburg)", Role.BACKOFFICE, "oldenburg");
        create("artland-management", "Maik Management (Artland)", Role.MANAGEMENT, "artland");
        // a back-office user of one department: sees only the Bauamt's inbox (artland-backoffice, without
        // departments, is the municipality's central back office and sees all of Artland's)
        createInDepartment("artland-bauamt", "Bruno Bauamt (Artland)", "artland", "Bauamt");
    }

    private void createInDepartment(String username, String displayName, String tenant, String department) {
        Set<UUID> departmentIds = tenants.findBySlug(tenant).stream()
                .flatMap(t -> tenants.departmentsOf(t.id()).stream())
                .filter(d -> d.name().equals(department))
                .map(DepartmentInfo::id)
                .collect(Collectors.toSet());
        users.create(new UserData(
                username,
                displayName,
                username + "@artland.example",
                PASSWORD,
                true,
                Set.of(Role.BACKOFFICE),
                Set.of(tenant),
                departmentIds));
    }

    private void create(String username, String displayName, Role role, String... tenants) {
        // "demo" is shorter than the policy for entered passwords, which is checked where people type them
        // (REST API, forms, first-administrator bootstrap), not by the service.
        users.create(new UserData(
                username,
                displayName,
                username + "@oldenburg.example",
                PASSWORD,
                true,
                Set.of(role),
                Set.of(tenants),
                Set.of()));
    }
}
