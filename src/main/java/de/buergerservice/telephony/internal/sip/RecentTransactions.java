package de.buergerservice.telephony.internal.sip;

import java.util.Arrays;

/**
 * The INVITE transactions seen in the last minute or so, as 64-bit hashes of Call-ID, top Via branch and CSeq
 * (what identifies a transaction, RFC 3261 §17.2.3), so a retransmission is recognised after its server transaction
 * is gone — or before it exists, while the original is still being handled on another stack thread.
 *
 * <p>Kept as plain {@code long} arrays in time buckets, not as a map of strings: at 1,000 calls/s a minute is 60,000
 * entries, and objects per entry would be copied by every young collection (the SIP benchmark's p99 is set by those
 * pauses). A bucket is dropped whole when it is older than the window.
 */
final class RecentTransactions {

    private static final int BUCKETS = 4;
    private static final int INITIAL_CAPACITY = 1 << 12;

    private final long bucketNanos;
    private final long[][] tables = new long[BUCKETS + 1][];
    private final int[] sizes = new int[BUCKETS + 1];
    private int current;
    private long currentStart;

    /** Remembers each transaction for at least {@code windowNanos} (and at most a quarter longer). */
    RecentTransactions(long windowNanos, long nowNanos) {
        this.bucketNanos = Math.max(1, windowNanos / BUCKETS);
        for (int i = 0; i < tables.length; i++) {
            tables[i] = new long[INITIAL_CAPACITY];
        }
        currentStart = nowNanos;
    }

    /** Adds the transaction; false if it was already there (a retransmission). */
    synchronized boolean add(long key, long nowNanos) {
        rotate(nowNanos);
        long k = key == 0 ? 1 : key; // 0 marks an empty slot
        for (int i = 0; i < tables.length; i++) {
            if (find(tables[i], k) >= 0) {
                return false;
            }
        }
        insert(k);
        return true;
    }

    synchronized boolean contains(long key, long nowNanos) {
        rotate(nowNanos);
        long k = key == 0 ? 1 : key;
        for (long[] table : tables) {
            if (find(table, k) >= 0) {
                return true;
            }
        }
        return false;
    }

    private void rotate(long nowNanos) {
        if (nowNanos - currentStart >= bucketNanos * tables.length) {
            for (int i = 0; i < tables.length; i++) { // idle for longer than the window: all of it is stale
                reset(i);
            }
            currentStart = nowNanos;
            return;
        }
        while (nowNanos - currentStart >= bucketNanos) {
            current = (current + 1) % tables.length;
            reset(current); // the oldest bucket becomes the current one
            currentStart += bucketNanos;
        }
    }

    private void reset(int bucket) {
        // a bucket that grew in a burst is given back rather than kept at its peak size
        tables[bucket] = tables[bucket].length > INITIAL_CAPACITY ? new long[INITIAL_CAPACITY] : clear(tables[bucket]);
        sizes[bucket] = 0;
    }

    private static long[] clear(long[] table) {
        Arrays.fill(table, 0);
        return table;
    }

    private static int find(long[] table, long key) {
        int mask = table.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long found = table[i];
            if (found == key) {
                return i;
            }
            if (found == 0) {
                return -1;
            }
        }
    }

    private void insert(long key) {
        long[] table = tables[current];
        if (2 * (sizes[current] + 1) > table.length) {
            long[] larger = new long[table.length * 2];
            for (long k : table) {
                if (k != 0) {
                    put(larger, k);
                }
            }
            tables[current] = table = larger;
        }
        put(table, key);
        sizes[current]++;
    }

    private static void put(long[] table, long key) {
        int mask = table.length - 1;
        int i = slot(key, mask);
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = key;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** FNV-1a over the parts (64 bit), with a separator so that ("ab", "c") and ("a", "bc") differ. */
    static long hash(String callId, String branch, long cseq) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, callId);
        h = (h ^ '|') * 0x100000001b3L;
        h = mix(h, branch == null ? "" : branch);
        h = (h ^ '|') * 0x100000001b3L;
        return (h ^ cseq) * 0x100000001b3L;
    }

    private static long mix(long h, String text) {
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }
}
