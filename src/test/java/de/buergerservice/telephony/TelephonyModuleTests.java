package de.buergerservice.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import de.buergerservice.telephony.internal.routing.Switchboard;
import de.buergerservice.tenancy.TenantDeleted;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The telephony module with what it depends on (tenancy, identity, the shared kernel): a line for every
 * municipality, and what it does when tenancy says a municipality is gone — its queue leaves the routing core once
 * the deletion has committed.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "shared")
@ActiveProfiles("test")
class TelephonyModuleTests {

    @Autowired
    Switchboard switchboard;

    @Autowired
    TenantDirectory tenants;

    @Test
    void everyMunicipalityHasItsQueueInTheSwitchboard() {
        assertThat(switchboard.snapshot().queues())
                .extracting(TelephonySnapshot.QueueStatus::tenantId)
                .contains(
                        tenants.findBySlug("artland").orElseThrow().id(),
                        tenants.findBySlug("oldenburg").orElseThrow().id());
    }

    @Test
    void aDeletedMunicipalitysQueueLeavesTheSwitchboard(Scenario scenario) {
        UUID artland = tenants.findBySlug("artland").orElseThrow().id();

        scenario.publish(new TenantDeleted(artland, "artland"))
                .andWaitForStateChange(() -> switchboard.snapshot().queues().stream()
                        .noneMatch(queue -> queue.tenantId().equals(artland)))
                .andVerify(gone -> assertThat(gone).isTrue());
    }
}
