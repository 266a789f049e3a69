package de.buergerservice.telephony.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Call-event ids are RFC 9562 version 7: unique, and ordered by the time of the event. */
class EventIdsTests {

    @Test
    void givenEventsOverTime_thenIdsAreVersion7AndSortByTime() {
        Instant start = Instant.parse("2026-11-25T09:00:00Z");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(EventIds.timeOrdered(start.plusMillis(i)));
        }
        assertThat(ids).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
        assertThat(ids.get(0).getMostSignificantBits() >>> 16).isEqualTo(start.toEpochMilli());
        // as the database compares them: unsigned, most significant bits first
        assertThat(ids)
                .isSortedAccordingTo(
                        (a, b) -> Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits()));
    }

    @Test
    void givenManyEventsInOneMillisecond_thenIdsAreUnique() {
        Instant at = Instant.parse("2026-11-25T09:00:00Z");
        HashSet<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(EventIds.timeOrdered(at));
        }
        assertThat(ids).hasSize(100_000);
    }
}
