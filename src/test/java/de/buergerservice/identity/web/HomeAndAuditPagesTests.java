package de.buergerservice.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import de.buergerservice.IntegrationTest;
import de.buergerservice.Responses;

/** The start page offers each role only what it can use; the audit log reads as German lines, not JSON. */
@IntegrationTest
class HomeAndAuditPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    @WithUserDetails("agent1")
    void agentSeesKnowledgeToReadAndTelephonyButNoEditingOrAdministration() {
        assertThat(mvc.get().uri("/"))
                .hasStatusOk()
                .bodyText()
                .contains("Leistungsbeschreibungen nachschlagen", "Agenten-Status")
                .doesNotContain("Redaktion, Import", "Kooperationsvereinbarungen, Ziele", "Suchbegriffe der");
    }

    @Test
    @WithUserDetails("artland-management")
    void managementSeesNeitherTelephonyNorAdministration() {
        assertThat(mvc.get().uri("/"))
                .hasStatusOk()
                .bodyText()
                .contains("Leistungsbeschreibungen nachschlagen")
                .doesNotContain("Agenten-Status", "Redaktion, Import", "Kooperationsvereinbarungen, Ziele");
    }

    @Test
    @WithUserDetails("editor")
    void editorSeesEditingAndSynonymsButNoAdministrationOrTelephony() {
        assertThat(mvc.get().uri("/"))
                .hasStatusOk()
                .bodyText()
                .contains("Redaktion, Import", "Suchbegriffe der Bürgerinnen und Bürger")
                .doesNotContain("Agenten-Status", "Kooperationsvereinbarungen, Ziele", "nachschlagen und durchsuchen");
    }

    @Test
    @WithUserDetails("admin")
    void auditLogShowsGermanTypeNamesAndReadableChanges() {
        String id = Responses.read(
                mvc.get()
                        .uri("/api/v1/service-centers")
                        .with(httpBasic("admin", "demo"))
                        .exchange(),
                "$[0].id");
        assertThat(mvc.put()
                        .uri("/api/v1/service-centers/" + id)
                        .with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "ServiceCenter der Stadt Oldenburg", "email": "buergerservice@oldenburg.example",
                                 "phone": "0441 235-4444"}
                                """))
                .hasStatusOk();
        assertThat(mvc.get().uri("/admin/audit?entityType=ServiceCenter"))
                .hasStatusOk()
                .bodyText()
                .contains("E-Mail:", "servicecenter@oldenburg.example", "→", "buergerservice@oldenburg.example")
                .doesNotContain("&quot;after&quot;", "\"after\":");
        assertThat(mvc.get().uri("/admin/audit"))
                .bodyText()
                .contains(">Kooperationsvereinbarung<", ">Kommune<", ">Benutzer<")
                .doesNotContain(">CooperationAgreement<", ">User<", ">Tenant<");
    }

    @Test
    @WithUserDetails("admin")
    void auditLogInEnglishOnRequest() {
        assertThat(mvc.get().uri("/admin/audit?lang=en"))
                .hasStatusOk()
                .bodyText()
                .contains(">Cooperation agreement<", ">Municipality<");
    }
}
