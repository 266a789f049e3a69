package de.buergerservice.telephony.internal.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class RecentTransactionsTests {

    static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void givenSameTransaction_thenSeenOnceAndDifferentPartsAreDifferentKeys() {
        RecentTransactions recent = new RecentTransactions(64 * SECOND, 0);
        long key = RecentTransactions.hash("call-1", "z9hG4bK1", 1);
        assertThat(recent.add(key, 0)).isTrue();
        assertThat(recent.add(key, SECOND)).as("retransmission").isFalse();
        assertThat(recent.add(RecentTransactions.hash("call-1", "z9hG4bK2", 1), SECOND))
                .as("new branch: new transaction")
                .isTrue();
        assertThat(recent.add(RecentTransactions.hash("call-1", "z9hG4bK1", 2), SECOND))
                .isTrue();
        assertThat(RecentTransactions.hash("ab", "c", 1)).isNotEqualTo(RecentTransactions.hash("a", "bc", 1));
    }

    @Test
    void givenWindowPassed_thenForgottenButNotBefore() {
        RecentTransactions recent = new RecentTransactions(64 * SECOND, 0);
        long key = RecentTransactions.hash("call-2", "b", 1);
        recent.add(key, 0);
        assertThat(recent.contains(key, 63 * SECOND)).isTrue();
        assertThat(recent.contains(key, 81 * SECOND)).isFalse();
        recent.add(key, 100 * SECOND);
        assertThat(recent.contains(key, 1000 * SECOND))
                .as("after a long idle time")
                .isFalse();
    }

    @Test
    void givenBurstBeyondInitialCapacity_thenAllKept() {
        RecentTransactions recent = new RecentTransactions(64 * SECOND, 0);
        for (int i = 0; i < 60_000; i++) {
            assertThat(recent.add(RecentTransactions.hash("burst-" + i, "b", 1), i * 1_000_000L))
                    .isTrue();
        }
        for (int i = 0; i < 60_000; i += 997) {
            assertThat(recent.contains(RecentTransactions.hash("burst-" + i, "b", 1), 60 * SECOND))
                    .isTrue();
        }
    }
}
