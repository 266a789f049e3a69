package de.buergerservice.reporting;

import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.buergerservice.PostgresDatabase;

/**
 * The golden morning and the rebuild on PostgreSQL: the same values as on H2. The production profile with the
 * demo data switched on (for the Artland agreement and its management user). Skipped without PostgreSQL outside
 * CI.
 */
@SpringBootTest(
        properties = {
            "buergerservice.demo-data=true",
            "buergerservice.data-dir=target/test-data/reporting-postgres",
            "server.servlet.session.cookie.secure=false",
            "buergerservice.sip.port=0",
            "buergerservice.demo.trial-phase=false"
        })
@AutoConfigureMockMvc
@ActiveProfiles("postgres")
class ReportingPostgresTests extends ReportingGoldenScenario {

    static final PostgresDatabase DATABASE = PostgresDatabase.createSchema();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", () -> PostgresDatabase.USER);
        registry.add("spring.datasource.password", () -> PostgresDatabase.PASSWORD);
    }

    @AfterAll
    static void dropSchema() {
        DATABASE.drop();
    }

    @Override
    String tenantSlug() {
        return "artland";
    }

    @Override
    String user() {
        return "artland-management";
    }

    @Override
    String password() {
        return "demo";
    }
}
