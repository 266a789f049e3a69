package de.buergerservice.identity.internal;

import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.buergerservice.shared.security.Role;
import de.buergerservice.shared.security.SystemActor;

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

    IdentityDemoData(UserAccountRepository accounts, UserService users) {
        this.accounts = accounts;
        this.users = users;
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
