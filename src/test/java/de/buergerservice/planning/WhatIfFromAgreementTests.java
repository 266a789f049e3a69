package de.buergerservice.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import de.buergerservice.IntegrationTest;
import de.buergerservice.tenancy.TenantDirectory;

/** The what-if page starts from a cooperation agreement: its municipality and its service-level target. */
@IntegrationTest
class WhatIfFromAgreementTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    UserDetailsService accounts;

    UUID agreementOf(String slug) {
        return tenants.agreementsFor(tenants.findBySlug(slug).orElseThrow().id()).stream()
                .filter(a -> a.startDate().isBefore(LocalDate.of(2012, 1, 1)))
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void givenArtlandsAgreement_thenTheFormHoldsTheMunicipalityAndItsTarget() {
        assertThat(mvc.get()
                        .uri("/planning?agreement=" + agreementOf("artland"))
                        .with(user(accounts.loadUserByUsername("artland-management"))))
                .hasStatusOk()
                .bodyText()
                .contains("value=\"Samtgemeinde Artland\"", "value=\"80/20\"", "Von einer Kooperationsvereinbarung");
    }

    @Test
    void givenAnotherMunicipalitysAgreement_thenNotFound() {
        assertThat(mvc.get()
                        .uri("/planning?agreement=" + agreementOf("oldenburg"))
                        .with(user(accounts.loadUserByUsername("artland-management"))))
                .hasStatus(404);
        assertThat(mvc.get()
                        .uri("/planning?agreement=" + agreementOf("oldenburg"))
                        .with(user(accounts.loadUserByUsername("supervisor"))))
                .hasStatusOk()
                .bodyText()
                .contains("value=\"Stadt Oldenburg\"");
    }
}
