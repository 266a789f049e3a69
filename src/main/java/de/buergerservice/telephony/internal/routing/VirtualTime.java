package de.buergerservice.telephony.internal.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * A clock and scheduler that only move when told to: the routing core runs a day in milliseconds (tests,
 * simulations). Not thread-safe; one thread drives it.
 */
public final class VirtualTime extends Clock implements Scheduler {

    private record Task(Instant due, long order, Runnable work, boolean[] cancelled) {}

    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            (a, b) -> a.due.equals(b.due) ? Long.compare(a.order, b.order) : a.due.compareTo(b.due));
    private Instant now;
    private long order;

    public VirtualTime(Instant start) {
        this.now = start;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        tasks.add(new Task(now.plus(delay), order++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Moves time forward, running every task that falls due on the way, in order. */
    public void advance(Duration duration) {
        Instant end = now.plus(duration);
        while (!tasks.isEmpty() && !tasks.peek().due.isAfter(end)) {
            Task task = tasks.poll();
            now = task.due;
            if (!task.cancelled[0]) {
                task.work.run();
            }
        }
        now = end;
    }

    public void advanceSeconds(long seconds) {
        advance(Duration.ofSeconds(seconds));
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("virtual time is UTC");
    }
}
