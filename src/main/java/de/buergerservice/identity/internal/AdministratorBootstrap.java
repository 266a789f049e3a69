package de.buergerservice.identity.internal;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.buergerservice.shared.security.Role;
import de.buergerservice.shared.security.SystemActor;

/**
 * Guarantees an administrator exists once the product is up. Without one, nobody could ever sign in to create
 * users, so the product refuses to start unless {@code BUERGERSERVICE_ADMIN_USER} and
 * {@code BUERGERSERVICE_ADMIN_PASSWORD} name the first one. Runs after the demo data.
 */
@Component
@Order(AdministratorBootstrap.ORDER)
class AdministratorBootstrap implements ApplicationRunner {

    static final int ORDER = 1000;
    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final UserAccountRepository accounts;
    private final UserService users;
    private final Validator validator;
    private final String username;
    private final String password;

    AdministratorBootstrap(
            UserAccountRepository accounts,
            UserService users,
            Validator validator,
            @Value("${buergerservice.admin.user:}") String username,
            @Value("${buergerservice.admin.password:}") String password) {
        this.accounts = accounts;
        this.users = users;
        this.validator = validator;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.existsEnabledAdministrator()) {
            return;
        }
        if (username.isBlank() || password.isBlank()) {
            throw new AdministratorMissingException(null);
        }
        UserData admin =
                new UserData(username, "Administrator", null, password, true, Set.of(Role.ADMIN), Set.of(), Set.of());
        Set<ConstraintViolation<UserData>> violations = validator.validate(admin);
        if (!violations.isEmpty()) {
            throw new AdministratorMissingException(violations.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
        SystemActor.run(() -> users.create(admin));
        log.info("Created the first administrator '{}' from BUERGERSERVICE_ADMIN_USER", admin.username());
    }

    /** No administrator exists and none was given (or the given one is invalid). */
    static class AdministratorMissingException extends RuntimeException {

        private final String invalidInput;

        AdministratorMissingException(String invalidInput) {
            super(
                    invalidInput == null
                            ? "No administrator account exists and none is configured"
                            : "The configured first administrator is invalid: " + invalidInput);
            this.invalidInput = invalidInput;
        }

        String invalidInput() {
            return invalidInput;
        }
    }
}
