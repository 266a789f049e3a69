package de.buergerservice.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

import de.buergerservice.BuergerserviceApplication;
import de.buergerservice.identity.UserDirectory;
import de.buergerservice.shared.security.Role;

/**
 * A production start (no demo data) needs a first administrator: without one the product refuses to start and
 * says how to name one; with {@code BUERGERSERVICE_ADMIN_USER}/{@code _PASSWORD} it creates it.
 */
class AdministratorBootstrapTests {

    /** Starts the product without demo data; {@code arguments} as on the command line. */
    static ConfigurableApplicationContext productionStart(String... arguments) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:mem:bootstrap-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--buergerservice.demo-data=false",
                "--buergerservice.data-dir=target/test-data/bootstrap",
                "--server.port=0",
                "--logging.level.root=WARN"));
        args.addAll(List.of(arguments));
        return new SpringApplicationBuilder(BuergerserviceApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void givenNoAdministratorAndNoneConfigured_thenRefusesToStartAndExplains() {
        assertThatThrownBy(() -> productionStart().close())
                .isInstanceOf(AdministratorBootstrap.AdministratorMissingException.class)
                .satisfies(e -> {
                    FailureAnalysis analysis = new AdministratorMissingFailureAnalyzer().analyze(e);
                    assertThat(analysis.getDescription()).contains("kein Administratorkonto");
                    assertThat(analysis.getAction())
                            .contains("BUERGERSERVICE_ADMIN_USER", "BUERGERSERVICE_ADMIN_PASSWORD");
                });
    }

    @Test
    void givenTooShortPassword_thenRefusesToStartAndSaysWhy() {
        assertThatThrownBy(() -> productionStart(
                                "--buergerservice.admin.user=root", "--buergerservice.admin.password=kurz")
                        .close())
                .isInstanceOf(AdministratorBootstrap.AdministratorMissingException.class)
                .hasMessageContaining("password");
    }

    @Test
    void givenConfiguredAdministrator_thenCreatedOnceAndStarts() {
        try (ConfigurableApplicationContext context = productionStart(
                "--buergerservice.admin.user=betrieb", "--buergerservice.admin.password=ein-langes-passwort")) {
            var admin = context.getBean(UserDirectory.class).findByUsername("betrieb");
            assertThat(admin)
                    .hasValueSatisfying(user -> assertThat(user.roles()).containsExactly(Role.ADMIN));
            assertThat(context.getBean(UserDirectory.class).withRole(Role.AGENT))
                    .isEmpty();
        }
    }
}
