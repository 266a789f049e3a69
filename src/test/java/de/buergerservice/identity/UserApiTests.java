package de.buergerservice.identity;

import static de.buergerservice.Responses.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.IntegrationTest;

/** Users: who may manage them, what the API refuses, and that nobody locks the operator out. */
@IntegrationTest
class UserApiTests {

    @Autowired
    MockMvcTester mvc;

    MvcTestResult post(String body) {
        return mvc.post()
                .uri("/api/v1/users")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    @Test
    void givenNewClerk_thenSheCanSignInAndSeesOnlyHerTenant() {
        assertThat(post("""
                {"username": "bauamt.artland", "displayName": "Clara Clerk", "password": "Rathaus-Schluessel-42",
                 "enabled": true, "roles": ["BACKOFFICE"], "tenants": ["artland"], "departmentIds": []}
                """))
                .hasStatus(201)
                .bodyJson()
                .extractingPath("$.tenants[0]")
                .isEqualTo("artland");
        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic("bauamt.artland", "Rathaus-Schluessel-42")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.restrictedToTenants")
                .isEqualTo(true);
    }

    @Test
    void givenManagementWithoutTenant_thenProblemNamesTenants() {
        assertThat(post("""
                {"username": "chef", "displayName": "Chef", "password": "Rathaus-Schluessel-42", "enabled": true,
                 "roles": ["MANAGEMENT"], "tenants": [], "departmentIds": []}
                """))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("tenants");
    }

    @Test
    void givenShortPassword_thenRejected() {
        assertThat(post("""
                {"username": "kurz", "displayName": "Kurz", "password": "1234", "enabled": true,
                 "roles": ["AGENT"], "tenants": [], "departmentIds": []}
                """))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("password");
    }

    @Test
    void givenTakenUsername_thenRejected() {
        assertThat(post("""
                {"username": "agent1", "displayName": "Doppelt", "password": "Rathaus-Schluessel-42", "enabled": true,
                 "roles": ["AGENT"], "tenants": [], "departmentIds": []}
                """))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("username");
    }

    @Test
    void givenDepartmentOfUnassignedTenant_thenRejected() {
        MvcTestResult departments = mvc.get()
                .uri("/api/v1/tenants/oldenburg/departments")
                .with(httpBasic("admin", "demo"))
                .exchange();
        String oldenburgDepartment = read(departments, "$[0].id");
        assertThat(post("""
                {"username": "falsch", "displayName": "Falsch", "password": "Rathaus-Schluessel-42", "enabled": true,
                 "roles": ["BACKOFFICE"], "tenants": ["artland"], "departmentIds": ["%s"]}
                """.formatted(oldenburgDepartment)))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("departmentIds");
    }

    @Test
    void givenLastAdministrator_thenItCannotBeDemotedOrDeleted() {
        String adminId = read(
                mvc.get().uri("/api/v1/me").with(httpBasic("admin", "demo")).exchange(), "$.username");
        assertThat(adminId).isEqualTo("admin");
        String id = userId("admin");
        assertThat(mvc.delete().uri("/api/v1/users/" + id).with(httpBasic("admin", "demo")))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("roles");
        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic("admin", "demo"))).hasStatusOk();
    }

    String userId(String username) {
        List<String> ids = read(
                mvc.get().uri("/api/v1/users").with(httpBasic("admin", "demo")).exchange(),
                "$[?(@.username == '" + username + "')].id");
        return ids.get(0);
    }

    @Test
    void givenSupervisor_thenUsersAreOffLimits() {
        assertThat(mvc.get().uri("/api/v1/users").with(httpBasic("supervisor", "demo")))
                .hasStatus(403);
    }
}
