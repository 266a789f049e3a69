package de.buergerservice.tenancy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import de.buergerservice.IntegrationTest;

/** The German admin pages of municipalities, agreements and operators, with the messages their forms show. */
@IntegrationTest
@WithUserDetails("admin")
class TenantAdminPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void listShowsBothDemoMunicipalities() {
        assertThat(mvc.get().uri("/admin/tenants"))
                .hasStatusOk()
                .bodyText()
                .contains("Stadt Oldenburg", "Samtgemeinde Artland", "03403000", "Samtgemeinde");
    }

    @Test
    void detailShowsHoursHolidaysDepartmentsAndAgreement() {
        assertThat(mvc.get().uri("/admin/tenants/artland"))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Samtgemeinde Artland, ServiceCenter, guten Tag",
                        "Bauamt",
                        "Heiligabend geschlossen",
                        "1. Weihnachtsfeiertag",
                        "01.11.2010",
                        "80 % in 20 s",
                        "1,85 €");
    }

    @Test
    void givenInvalidForm_thenGermanMessagesAtTheFieldsAndNothingStored() {
        assertThat(mvc.post()
                        .uri("/admin/tenants")
                        .with(csrf())
                        .param("name", "Gemeinde Menslage")
                        .param("slug", "Menslage!")
                        .param("type", "MUNICIPALITY")
                        .param("ags", "0345901")
                        .param("federalState", "NI")
                        .param("phoneNumbers", "0800 12")
                        .param("greeting", "Gemeinde Menslage, guten Tag")
                        .param("weekly[MONDAY]", "8 bis 12"))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Nur Kleinbuchstaben, Ziffern und einzelne Bindestriche",
                        "Der AGS besteht aus 8 Ziffern",
                        "„0800 12“ ist keine gültige Rufnummer",
                        "Bitte Zeiträume wie 08:00-12:30 angeben");
        assertThat(mvc.get().uri("/admin/tenants")).bodyText().doesNotContain("Menslage");
    }

    @Test
    void givenAgsOfAnotherMunicipality_thenMessageAtTheAgsField() {
        String page = org.assertj.core.api.Assertions.assertThat(mvc.post()
                        .uri("/admin/tenants")
                        .with(csrf())
                        .param("name", "Samtgemeinde Artland (doppelt)")
                        .param("slug", "artland-doppelt")
                        .param("type", "COLLECTIVE_MUNICIPALITY")
                        .param("ags", "03459029")
                        .param("federalState", "NI")
                        .param("phoneNumbers", "05431 1829")
                        .param("greeting", "Guten Tag"))
                .hasStatusOk()
                .bodyText()
                .actual();
        assertThat(page).containsPattern("(?s)id=\"ags\".{0,400}Den AGS 03459029 hat bereits „Samtgemeinde Artland“");
        assertThat(mvc.get().uri("/admin/tenants")).bodyText().doesNotContain("artland-doppelt");
    }

    @Test
    void givenPhoneInNationalNotation_thenStoredInE164() {
        assertThat(mvc.post()
                        .uri("/admin/tenants")
                        .with(csrf())
                        .param("name", "Gemeinde Badbergen")
                        .param("slug", "badbergen")
                        .param("type", "MUNICIPALITY")
                        .param("ags", "03459004")
                        .param("federalState", "NI")
                        .param("phoneNumbers", "05433 91 10\n+49 5433 9112")
                        .param("greeting", "Gemeinde Badbergen, guten Tag"))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/admin/tenants/badbergen/edit")).bodyText().contains("+4954339110\n+4954339112");
    }

    @Test
    void newAgreementFormOffersNoDelete() {
        assertThat(mvc.get().uri("/admin/agreements/new"))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("/admin/agreements//delete")
                .doesNotContain(">Löschen<");
    }

    @Test
    void givenValidForm_thenCreatedAndShown() {
        assertThat(mvc.post()
                        .uri("/admin/tenants")
                        .with(csrf())
                        .param("name", "Gemeinde Nortrup")
                        .param("slug", "nortrup")
                        .param("type", "MUNICIPALITY")
                        .param("ags", "03459031")
                        .param("federalState", "NI")
                        .param("phoneNumbers", "+4954369090")
                        .param("greeting", "Gemeinde Nortrup, ServiceCenter, guten Tag")
                        .param("weekly[MONDAY]", "08:00-12:00, 14:00-16:00")
                        .param("weekly[FRIDAY]", "08:00-12:00"))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .isEqualTo("/admin/tenants/nortrup");
        assertThat(mvc.get().uri("/admin/tenants/nortrup"))
                .hasStatusOk()
                .bodyText()
                .contains("Gemeinde Nortrup", "08:00–12:00", "14:00–16:00");
    }

    @Test
    void givenExceptionWithBadHours_thenMessageOnTheExceptionForm() {
        assertThat(mvc.post()
                        .uri("/admin/tenants/oldenburg/exceptions")
                        .with(csrf())
                        .param("date", "2026-12-28")
                        .param("hours", "morgens")
                        .param("note", "Inventur"))
                .hasStatusOk()
                .bodyText()
                .contains("Bitte Zeiträume wie 08:00-12:30 angeben");
    }

    @Test
    void givenException_thenAddedAndRemovable() {
        assertThat(mvc.post()
                        .uri("/admin/tenants/oldenburg/exceptions")
                        .with(csrf())
                        .param("date", "2026-12-29")
                        .param("hours", "")
                        .param("note", "Inventur"))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/admin/tenants/oldenburg")).bodyText().contains("Inventur");
        assertThat(mvc.post()
                        .uri("/admin/tenants/oldenburg/exceptions/2026-12-29/delete")
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/admin/tenants/oldenburg")).bodyText().doesNotContain("Inventur");
    }

    @Test
    void givenTenantWithAgreement_thenDeleteExplainsWhyNot() {
        var result =
                mvc.post().uri("/admin/tenants/artland/delete").with(csrf()).exchange();
        assertThat(result).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/admin/tenants/artland");
        assertThat(result).flash().containsKey("notice");
        assertThat(result.getMvcResult().getFlashMap().get("notice").toString())
                .contains("noch Partner einer Vereinbarung");
    }

    @Test
    void givenAgreementEndingBeforeStart_thenFormShowsIt() {
        assertThat(mvc.get().uri("/admin/agreements/new"))
                .hasStatusOk()
                .bodyText()
                .contains("Servicelevel-Ziel");
        assertThat(mvc.post()
                        .uri("/admin/agreements")
                        .with(csrf())
                        .param("clientTenant", "artland")
                        .param("channels", "WEB")
                        .param("startDate", "2027-01-01")
                        .param("trialPhaseEnd", "2026-01-01")
                        .param("serviceLevelPercent", "80")
                        .param("serviceLevelSeconds", "20")
                        .param("targetAverageWaitSeconds", "20")
                        .param("targetFirstContactResolutionPercent", "65")
                        .param("pricePerContact", "-1")
                        .param("status", "TRIAL"))
                .hasStatusOk()
                .bodyText()
                .contains("Die Testphase kann nicht vor dem Beginn enden.", "Der Preis darf nicht negativ sein.");
    }

    @Test
    void serviceCentersAndUsersAndAuditPagesRender() {
        assertThat(mvc.get().uri("/admin/service-centers"))
                .hasStatusOk()
                .bodyText()
                .contains("ServiceCenter der Stadt Oldenburg");
        assertThat(mvc.get().uri("/admin/users"))
                .hasStatusOk()
                .bodyText()
                .contains("artland-backoffice", "Verwaltungsleitung");
        assertThat(mvc.get().uri("/admin/users/new")).hasStatusOk().bodyText().contains("Bürgerbüro");
        assertThat(mvc.get().uri("/admin/audit")).hasStatusOk().bodyText().contains("Tenant", "system");
    }
}
