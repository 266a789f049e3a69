package de.buergerservice.telephony.internal.routing;

import java.time.Duration;

/** Runs a task after a delay — on real threads in production, at virtual time in tests and simulations. */
public interface Scheduler {

    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that may still be called off. */
    interface Cancellable {
        void cancel();
    }
}
