package de.buergerservice.telephony.internal.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import de.buergerservice.telephony.internal.Digest;
import de.buergerservice.telephony.internal.routing.VirtualTime;

/** The registrar's stateless nonces: genuine, stale after five minutes, forged, and digests compared exactly. */
class DigestNoncesTests {

    final VirtualTime time = new VirtualTime(Instant.parse("2026-11-25T09:00:00Z"));
    final DigestNonces nonces =
            new DigestNonces("server-secret".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5), time);

    @Test
    void givenFreshNonce_thenValidUntilLifetimeThenStale() {
        String nonce = nonces.issue();
        assertThat(nonces.check(nonce)).isEqualTo(DigestNonces.Check.VALID);
        time.advance(Duration.ofMinutes(5));
        assertThat(nonces.check(nonce)).isEqualTo(DigestNonces.Check.VALID);
        time.advance(Duration.ofSeconds(1));
        assertThat(nonces.check(nonce)).as("expired: stale=true").isEqualTo(DigestNonces.Check.STALE);
    }

    @Test
    void givenForgedOrForeignNonce_thenInvalid() {
        String nonce = nonces.issue();
        String issued = nonce.substring(0, nonce.indexOf('.'));
        String later = Long.toHexString(Long.parseLong(issued, 16) + 600_000);
        // the old scheme's MAC (MD5 of secret:time) and a nonce moved into the future with the old MAC
        assertThat(nonces.check(issued + "." + Digest.md5Hex("server-secret:" + issued)))
                .isEqualTo(DigestNonces.Check.INVALID);
        assertThat(nonces.check(later + nonce.substring(nonce.indexOf('.')))).isEqualTo(DigestNonces.Check.INVALID);
        DigestNonces otherServer =
                new DigestNonces("another-secret".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5), time);
        assertThat(otherServer.check(nonce)).isEqualTo(DigestNonces.Check.INVALID);
        assertThat(nonces.check("")).isEqualTo(DigestNonces.Check.INVALID);
        assertThat(nonces.check(null)).isEqualTo(DigestNonces.Check.INVALID);
        assertThat(nonces.check("zz." + nonce.substring(nonce.indexOf('.') + 1)))
                .isEqualTo(DigestNonces.Check.INVALID);
    }

    @Test
    void givenDigests_thenEqualOnlyIfSameHexIgnoringCase() {
        String digest = Digest.md5Hex("x");
        assertThat(DigestNonces.equal(digest, digest.toUpperCase())).isTrue();
        assertThat(DigestNonces.equal(digest, digest.substring(1))).isFalse();
        assertThat(DigestNonces.equal(digest, null)).isFalse();
    }
}
