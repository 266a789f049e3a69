package de.buergerservice.planning.internal.simulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import de.buergerservice.telephony.internal.routing.Scheduler;

/**
 * The simulation's clock and event calendar: a binary heap of events ordered by time (nanoseconds since the start)
 * and, at equal times, by the order they were scheduled in — as {@code VirtualTime} does, but built for tens of
 * millions of events: the current {@link Instant} is made once per time step, and the simulation's own events
 * (arrivals, hang-ups, patience, roster) come from a free list, so they allocate nothing. Tasks the routing core
 * schedules get an entry of their own, because the core keeps it to cancel it. One thread drives it.
 */
final class EventCalendar extends Clock implements Scheduler {

    /** What an entry does when it falls due: a task of the routing core, or one of the simulation's own events. */
    static final class Entry implements Cancellable {
        long due;
        long order;
        Runnable task;
        int kind;
        int payload;
        int generation;
        boolean cancelled;
        boolean pooled;
        Entry nextFree;

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final Instant start;
    private Entry[] heap = new Entry[1024];
    private int size;
    private long order;
    private long now;
    private Instant current;
    private long currentAt = -1;
    private Entry free;

    EventCalendar(Instant start) {
        this.start = start;
    }

    /** Nanoseconds since the start. */
    long now() {
        return now;
    }

    int pending() {
        return size;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Entry entry = new Entry();
        entry.task = task;
        insert(entry, now + delay.toNanos());
        return entry;
    }

    /** One of the simulation's own events, at {@code due} nanoseconds since the start. */
    void scheduleOwn(long due, int kind, int payload, int generation) {
        Entry entry = free;
        if (entry == null) {
            entry = new Entry();
            entry.pooled = true;
        } else {
            free = entry.nextFree;
            entry.nextFree = null;
        }
        entry.kind = kind;
        entry.payload = payload;
        entry.generation = generation;
        insert(entry, Math.max(due, now));
    }

    /**
     * Takes the next entry that is due no later than {@code until} and moves time to it; null if there is none
     * (time then stays). Cancelled entries are skipped.
     */
    Entry next(long until) {
        while (size > 0 && heap[0].due <= until) {
            Entry entry = removeFirst();
            now = entry.due;
            if (!entry.cancelled) {
                return entry;
            }
        }
        return null;
    }

    /** Gives a pooled entry back once its event has run. */
    void release(Entry entry) {
        if (entry.pooled) {
            entry.cancelled = false;
            entry.nextFree = free;
            free = entry;
        }
    }

    private void insert(Entry entry, long due) {
        entry.due = due;
        entry.order = order++;
        if (size == heap.length) {
            heap = java.util.Arrays.copyOf(heap, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Entry p = heap[parent];
            if (!before(entry, p)) {
                break;
            }
            heap[i] = p;
            i = parent;
        }
        heap[i] = entry;
    }

    private Entry removeFirst() {
        Entry first = heap[0];
        Entry last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                Entry c = heap[child];
                int right = child + 1;
                if (right < size && before(heap[right], c)) {
                    child = right;
                    c = heap[child];
                }
                if (!before(c, last)) {
                    break;
                }
                heap[i] = c;
                i = child;
            }
            heap[i] = last;
        }
        return first;
    }

    private static boolean before(Entry a, Entry b) {
        return a.due < b.due || (a.due == b.due && a.order < b.order);
    }

    @Override
    public Instant instant() {
        if (currentAt != now) {
            current = start.plusNanos(now);
            currentAt = now;
        }
        return current;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("simulated time is UTC");
    }
}
