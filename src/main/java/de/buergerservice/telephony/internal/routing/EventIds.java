package de.buergerservice.telephony.internal.routing;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids of call events that sort by time (RFC 9562 UUID version 7: 48 bits of Unix milliseconds, version, 74 random
 * bits). The event table's primary key index then grows at its end like the sequence does; with random (version 4)
 * ids each batch of inserts rewrote pages all over the index — in the embedded H2 store the largest share of the
 * server's allocation at 300 calls/s and of what outlived its young collections.
 *
 * <p>The random bits only keep ids apart (74 bits per millisecond), they are no secret: nothing is protected by an
 * event id. {@link ThreadLocalRandom} instead of a {@code SecureRandom}, which is synchronised and reads
 * {@code /dev/urandom} — taken under the switchboard's lock for every event, about 1.5 % of the server's CPU at
 * 300 calls/s (JFR, issue 11).
 */
final class EventIds {

    private EventIds() {}

    static UUID timeOrdered(Instant at) {
        long millis = at.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
        long mostSignificant =
                millis << 16 | 0x7000L | (ThreadLocalRandom.current().nextInt() & 0x0FFF);
        long leastSignificant =
                ThreadLocalRandom.current().nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
