package de.buergerservice;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away schema in the PostgreSQL named by {@code SPRING_DATASOURCE_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}). Where no PostgreSQL answers, tests
 * using it are skipped with a message — except under {@code CI=true}, where they must run and fail instead.
 */
public final class PostgresDatabase {

    public static final String URL = env("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("SPRING_DATASOURCE_USERNAME", "postgres");
    public static final String PASSWORD = env("SPRING_DATASOURCE_PASSWORD", "");

    private final String schema =
            "bs_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    /** Creates a fresh schema, or skips the calling test class when PostgreSQL is absent outside CI. */
    public static PostgresDatabase createSchema() {
        PostgresDatabase database = new PostgresDatabase();
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("create schema " + database.schema);
        } catch (SQLException e) {
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            if (ci) {
                throw new IllegalStateException("CI=true but PostgreSQL at " + URL + " is not usable", e);
            }
            Assumptions.abort("PostgreSQL at " + URL + " not reachable (" + e.getMessage()
                    + "): PostgreSQL tests skipped here; they run in CI (CI=true).");
        }
        return database;
    }

    /** The JDBC URL that makes the schema the default for Flyway and Hibernate. */
    public String jdbcUrl() {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public String schema() {
        return schema;
    }

    public void drop() {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema.toLowerCase(Locale.ROOT) + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test schema " + schema, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
