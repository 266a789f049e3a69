package de.buergerservice.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import de.buergerservice.tenancy.TenantDirectory;

/**
 * The contact module with what it depends on (telephony, knowledge, tenancy, identity, the shared kernel): the
 * portal's contact form leaves the module as a {@link ContactHandedOff} for the back office, with the outcome
 * counted for reporting.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "shared")
@ActiveProfiles("test")
class ContactModuleTests {

    @Autowired
    ContactIntake intake;

    @Autowired
    TenantDirectory tenants;

    @Test
    void aWebRequestLeavesAsHandOffToBeAnsweredByMail(Scenario scenario) {
        UUID artland = tenants.findBySlug("artland").orElseThrow().id();
        scenario.stimulate(() -> intake.submitWebRequest(new ContactIntake.WebRequest(
                        artland, null, null, "Max Muster", "max@example.org", null, "Wann hat das Bürgerbüro offen?")))
                .andWaitForEventOfType(ContactHandedOff.class)
                .matching(e -> e.tenantId().equals(artland))
                .toArriveAndVerify((event, id) -> {
                    assertThat(event.contactId()).isEqualTo(id);
                    assertThat(event.kind()).isEqualTo(HandOffKind.ANSWER_BY_MAIL);
                    assertThat(event.channel()).isEqualTo(ContactChannel.WEB);
                    assertThat(event.email()).isEqualTo("max@example.org");
                });
    }
}
