package de.buergerservice.shared;

/**
 * Names of the task schedulers a periodic job ({@code @Scheduled(scheduler = …)}) can choose instead of the
 * default pool. They exist so that jobs of different urgency cannot hold each other up: a slow report, a mail
 * time-out or a backlog of the call-event feed must not delay the expiry of phone registrations or the live state,
 * and those must not starve the feed consumers either.
 */
public final class Schedulers {

    /**
     * The contact module's consumer of telephony's call-event feed: a thread of its own with the lowest Java
     * priority, as its work can wait a second and signalling cannot.
     */
    public static final String CONTACT_FEED = "contactFeedScheduler";

    /** The reporting module's consumer of the call-event feed (the aggregates): likewise, a thread of its own. */
    public static final String REPORTING_FEED = "reportingFeedScheduler";

    /** Telephony's live jobs (registration expiry, the live state for wallboard and desks): one thread of its own. */
    public static final String LIVE = "liveStateScheduler";

    private Schedulers() {}
}
