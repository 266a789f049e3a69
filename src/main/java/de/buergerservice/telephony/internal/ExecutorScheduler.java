package de.buergerservice.telephony.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.buergerservice.telephony.internal.routing.Scheduler;

/**
 * The switchboard's timers (ring timeout, wrap-up, overflow) on one real thread of their own — not Spring's shared
 * scheduler, on which a periodic job (a retention delete, a search-log flush) would make a ring timeout late. It
 * is the real-time twin of {@link de.buergerservice.telephony.internal.routing.VirtualTime}.
 */
class ExecutorScheduler implements Scheduler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExecutorScheduler.class);

    private final ScheduledThreadPoolExecutor executor;

    ExecutorScheduler() {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "switchboard-timers");
            thread.setDaemon(true);
            return thread;
        });
        // thousands of ring timers are cancelled every minute; drop them at once instead of at their due time
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = executor.schedule(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        log.error("Switchboard timer failed", e);
                    }
                },
                delay.toNanos(),
                TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
