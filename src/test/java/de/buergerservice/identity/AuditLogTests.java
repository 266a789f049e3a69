package de.buergerservice.identity;

import static de.buergerservice.Responses.body;
import static de.buergerservice.Responses.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import de.buergerservice.IntegrationTest;

/** Every change to tenants, agreements and users lands in the audit log with who made it and what changed. */
@IntegrationTest
class AuditLogTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void givenChangedWebsite_thenAuditNamesActorAndBothValues() {
        String tenant = body(mvc.get()
                .uri("/api/v1/tenants/artland")
                .with(httpBasic("admin", "demo"))
                .exchange());
        String changed = tenant.replace("https://www.artland.de", "https://www.artland.de/rathaus");
        assertThat(mvc.put()
                        .uri("/api/v1/tenants/artland")
                        .with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(changed))
                .hasStatusOk();

        String tenantId = read(
                mvc.get()
                        .uri("/api/v1/tenants/artland")
                        .with(httpBasic("admin", "demo"))
                        .exchange(),
                "$.id");
        var entries = mvc.get()
                .uri("/api/v1/audit?entityType=Tenant&entityId=" + tenantId)
                .with(httpBasic("admin", "demo"))
                .exchange();
        assertThat(entries).hasStatusOk();
        List<String> actions = read(entries, "$.content[*].action");
        assertThat(actions).containsExactly("UPDATED", "CREATED");
        assertThat((String) read(entries, "$.content[0].actor")).isEqualTo("admin");
        assertThat((String) read(entries, "$.content[0].changes.websiteUrl.before"))
                .isEqualTo("https://www.artland.de");
        assertThat((String) read(entries, "$.content[0].changes.websiteUrl.after"))
                .isEqualTo("https://www.artland.de/rathaus");
        assertThat((String) read(entries, "$.content[1].actor")).isEqualTo("system");
    }

    @Test
    void givenRejectedChange_thenNoAuditEntry() {
        int before = read(
                mvc.get()
                        .uri("/api/v1/audit?entityType=CooperationAgreement")
                        .with(httpBasic("admin", "demo"))
                        .exchange(),
                "$.page.totalElements");
        assertThat(mvc.delete().uri("/api/v1/tenants/artland").with(httpBasic("admin", "demo")))
                .hasStatus(409);
        int after = read(
                mvc.get()
                        .uri("/api/v1/audit?entityType=CooperationAgreement")
                        .with(httpBasic("admin", "demo"))
                        .exchange(),
                "$.page.totalElements");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void givenPasswordChange_thenAuditShowsWhenButNotTheSecret() {
        // a user of its own: the demo users' passwords stay "demo" for every other test of the shared context
        assertThat(mvc.post()
                        .uri("/api/v1/users")
                        .with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"username": "audit-probe", "displayName": "Erika Redakteurin", "password": "erstes-passwort",
                         "enabled": true, "roles": ["EDITOR"], "tenants": [], "departmentIds": []}"""))
                .hasStatus(201);
        List<String> ids = read(
                mvc.get().uri("/api/v1/users").with(httpBasic("admin", "demo")).exchange(),
                "$[?(@.username == 'audit-probe')].id");
        String id = ids.get(0);
        assertThat(mvc.put()
                        .uri("/api/v1/users/" + id)
                        .with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"username": "audit-probe", "displayName": "Erika Redakteurin", "password": "neues-passwort",
                         "enabled": true, "roles": ["EDITOR"], "tenants": [], "departmentIds": []}"""))
                .hasStatusOk();
        String audit = body(mvc.get()
                .uri("/api/v1/audit?entityType=User&entityId=" + id)
                .with(httpBasic("admin", "demo"))
                .exchange());
        assertThat(audit)
                .contains("passwordChangedAt")
                .doesNotContain("neues-passwort")
                .doesNotContain("bcrypt");
    }
}
