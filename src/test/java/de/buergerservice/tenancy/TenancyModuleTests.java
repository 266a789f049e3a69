package de.buergerservice.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import de.buergerservice.shared.security.SystemActor;
import de.buergerservice.tenancy.internal.TenantData;
import de.buergerservice.tenancy.internal.TenantService;

/**
 * The tenancy module on its own — no identity, knowledge or telephony beans in the context, only the shared kernel —
 * as the example for every module's own test: what it offers other modules ({@link TenantDirectory}) and what it
 * tells them ({@link TenantDeleted}), checked through Spring Modulith's {@link Scenario}.
 */
@ApplicationModuleTest(extraIncludes = "shared")
@ActiveProfiles("test")
class TenancyModuleTests {

    @Autowired
    TenantDirectory directory;

    @Autowired
    TenantService tenants;

    @Test
    void otherModulesFindAMunicipalityByItsNumberInAnyNotation() {
        assertThat(directory.findByPhoneNumber("054311820"))
                .get()
                .extracting(TenantInfo::slug)
                .isEqualTo("artland");
        assertThat(directory.findByPhoneNumber("+49 5431 1820"))
                .get()
                .extracting(TenantInfo::slug)
                .isEqualTo("artland");
    }

    @Test
    void otherModulesAskWhetherAMunicipalityIsOpen() {
        TenantInfo artland = directory.findBySlug("artland").orElseThrow();
        // Christmas Day is a public holiday in Lower Saxony: closed although it is a Friday morning
        assertThat(directory.isOpen(artland.id(), Instant.parse("2026-12-25T09:00:00Z")))
                .isFalse();
        // a Tuesday at 10:00 in Berlin
        assertThat(directory.isOpen(artland.id(), Instant.parse("2026-12-01T09:00:00Z")))
                .isTrue();
    }

    @Test
    void deletingAMunicipalityTellsTheOtherModules(Scenario scenario) {
        SystemActor.run(() -> tenants.create(new TenantData(
                "bersenbrueck",
                "Samtgemeinde Bersenbrück",
                TenantType.COLLECTIVE_MUNICIPALITY,
                "03459005",
                FederalState.NI,
                List.of("+4954399620"),
                "Samtgemeinde Bersenbrück, guten Tag",
                null,
                null)));
        TenantInfo created = directory.findBySlug("bersenbrueck").orElseThrow();

        scenario.stimulate(() -> SystemActor.run(() -> tenants.delete("bersenbrueck")))
                .andWaitForEventOfType(TenantDeleted.class)
                .matching(deleted -> deleted.slug().equals("bersenbrueck"))
                .toArriveAndVerify(deleted -> {
                    assertThat(deleted.tenantId()).isEqualTo(created.id());
                    assertThat(directory.findBySlug("bersenbrueck")).isEmpty();
                });
    }
}
