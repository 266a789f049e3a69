package de.buergerservice.contact.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.shared.Schedulers;
import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.CallEventFeed;
import de.buergerservice.telephony.CallEventRecord;
import de.buergerservice.telephony.CallEventType;
import de.buergerservice.telephony.TelephonyAgents;

/**
 * Makes phone contacts from telephony's call-event feed: a contact when a call is ANSWERED (none for calls
 * abandoned before), the end or the transfer target when it ENDED or was TRANSFERRED, and "undocumented" when the
 * agent leaves the wrap-up with the contact still open.
 *
 * <p>Why polling and not a listener: the feed is the durable, ordered log; the position read up to is stored in
 * {@code contact_feed_position} in the same transaction as the contacts made from those events, so every event is
 * applied exactly once, also after a crash or restart, and nothing is lost while the product is down. A contact
 * is additionally unique per Call-ID ({@code uk_contact_call}), so an event applied twice (tests, a replayed log)
 * changes nothing.
 *
 * <p>Why it is cheap per call (it ran beside 300 calls a second): it reads the feed in large batches once a second
 * ({@code buergerservice.contact.feed.poll-interval}, {@code …batch-size}) on a low-priority
 * scheduler, and takes what a contact needs from the events themselves — the caller's number and arrival from the
 * call's CALL_OFFERED, kept in a small map of open calls — instead of reading each call's events again. Only a call
 * offered before the stored position (the first batch after a restart) is looked up in the feed. An agent's state
 * change marks wrap-ups as ended only when the agent had a call since the last check. The desk's screen pop does
 * not wait for this poll: {@link DeskRings} signals the ring from the live state; from here come the contact of an
 * answered call and the end.
 */
@Component
public class CallEventConsumer {

    private static final Logger log = LoggerFactory.getLogger(CallEventConsumer.class);
    static final String CONSUMER = "call-events";
    /** Open calls remembered at most (a call's entry goes with its end; this bounds what lost ends can leave). */
    private static final int MAX_OPEN_CALLS = 50_000;

    private static final int MAX_RECENT_TRANSFERS = 10_000;
    /** Older answers are not signalled to a desk (a restart replaying the feed must not pop long-gone calls). */
    private static final Duration LIVE = Duration.ofSeconds(30);
    /** How soon after the transfer the follow-on call must arrive to be taken for it. */
    static final Duration FOLLOW_ON = Duration.ofMinutes(2);

    /** What the contact needs of a call's CALL_OFFERED. */
    private record Offered(Instant at, String callerNumber) {}

    private final CallEventFeed feed;
    private final ContactStore contacts;
    private final TelephonyAgents agents;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int batchSize;

    private final Map<String, Offered> openCalls = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Offered> eldest) {
            return size() > MAX_OPEN_CALLS;
        }
    };
    /** Callers whose call was transferred lately (number → when), bounded: who may arrive as a follow-on call. */
    private final Map<String, Instant> recentTransfers = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_RECENT_TRANSFERS;
        }
    };
    /** Agents known to have no ended contact waiting for the end of their wrap-up; empty after a start. */
    private final Set<UUID> settledAgents = new HashSet<>();

    CallEventConsumer(
            CallEventFeed feed,
            ContactStore contacts,
            TelephonyAgents agents,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${buergerservice.contact.feed.batch-size:2000}") int batchSize) {
        this.feed = feed;
        this.contacts = contacts;
        this.agents = agents;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Scheduled(
            fixedDelayString = "${buergerservice.contact.feed.poll-interval:1s}",
            initialDelayString = "${buergerservice.contact.feed.poll-interval:1s}",
            scheduler = Schedulers.CONTACT_FEED)
    void poll() {
        try {
            while (pollOnce() == batchSize) {
                // a backlog (after a restart): read on at once
            }
        } catch (RuntimeException e) {
            log.warn("Call events not applied to contacts, retrying: {}", e.toString());
        }
    }

    /** Applies the next batch of the feed and returns how many events it held. */
    public synchronized int pollOnce() {
        List<DeskCall> signals = new ArrayList<>();
        Integer applied;
        try {
            applied = transactions.execute(status -> {
                Long position = jdbc.queryForObject(
                        "select last_sequence from contact_feed_position where consumer = ? for update",
                        Long.class,
                        CONSUMER);
                List<CallEventRecord> batch = feed.after(position, batchSize);
                batch.forEach(event -> apply(event, signals));
                if (!batch.isEmpty()) {
                    jdbc.update(
                            "update contact_feed_position set last_sequence = ? where consumer = ?",
                            batch.get(batch.size() - 1).sequence(),
                            CONSUMER);
                }
                return batch.size();
            });
        } catch (RuntimeException e) {
            // the batch is read again: what the memory learnt from it may be wrong (e.g. an agent settled)
            settledAgents.clear();
            throw e;
        }
        Instant now = clock.instant();
        signals.stream().filter(s -> s.at().isAfter(now.minus(LIVE))).forEach(events::publishEvent);
        return applied == null ? 0 : applied;
    }

    /** Applies one event; safe to repeat. Signals for the desk are collected in {@code signals}. */
    public synchronized void apply(CallEventRecord event, List<DeskCall> signals) {
        switch (event.type()) {
            case CALL_OFFERED -> {
                if (event.callId() != null) {
                    openCalls.put(event.callId(), new Offered(event.at(), event.callerNumber()));
                }
            }
            case ANSWERED -> answered(event, signals);
            case TRANSFERRED -> {
                ended(event);
                contacts.callEnded(event.callId(), event.at(), detail(event.detail(), "target"));
                signals.add(signal(DeskCall.Kind.ENDED, event, null, null));
            }
            case ENDED -> {
                ended(event);
                contacts.callEnded(event.callId(), event.at(), null);
                signals.add(signal(DeskCall.Kind.ENDED, event, null, null));
            }
            case ABANDONED, REJECTED_CLOSED, QUEUE_REMOVED -> ended(event);
            case AGENT_STATE_CHANGED -> {
                UUID agent = event.agentId();
                if (agent != null && event.agentState() != AgentState.WRAP_UP && settledAgents.add(agent)) {
                    contacts.wrapUpEnded(agent, event.at());
                }
            }
            default -> {
                // QUEUED, AGENT_RINGING …: no contact before somebody answered; the desk rings from the live state
            }
        }
    }

    private void ended(CallEventRecord event) {
        if (event.callId() != null) {
            Offered call = openCalls.remove(event.callId());
            if (event.type() == CallEventType.TRANSFERRED && call != null && call.callerNumber() != null) {
                recentTransfers.put(call.callerNumber(), event.at());
            }
        }
        if (event.type() == CallEventType.ENDED || event.type() == CallEventType.TRANSFERRED) {
            // the agent's contact has ended: their next state other than wrap-up ends the wrap-up
            if (event.agentId() != null) {
                settledAgents.remove(event.agentId());
            } else {
                settledAgents.clear();
            }
        }
    }

    private void answered(CallEventRecord event, List<DeskCall> signals) {
        if (event.callId() == null || event.tenantId() == null) {
            return;
        }
        Optional<Offered> offered = offered(event.callId());
        Long waitMs = waitMs(event);
        Instant startedAt = offered.map(Offered::at)
                .orElse(waitMs == null ? event.at() : event.at().minusMillis(waitMs));
        UUID userId = userOf(event);
        String callerNumber = offered.map(Offered::callerNumber).orElse(null);
        UUID id = UUID.randomUUID();
        boolean created = contacts.insertPhone(
                id,
                event.tenantId(),
                event.callId(),
                callerNumber,
                startedAt,
                event.at(),
                waitMs,
                userId,
                event.agentId(),
                clock.instant());
        UUID contactId = created
                ? id
                : contacts.findByCallId(event.callId()).map(ContactRecord::id).orElse(null);
        if (created) {
            followOnOfTransfer(id, callerNumber, startedAt);
        }
        signals.add(signal(DeskCall.Kind.ANSWERED, event, contactId, callerNumber));
    }

    /**
     * A blind transfer (REFER, RFC 3515) makes the caller's phone place a new call with a new Call-ID; when that
     * reaches the ServiceCenter again (an agent referred the caller to another municipality's line) the feed shows a
     * TRANSFERRED call and, moments later, a CALL_OFFERED of the same caller. The new contact then refers to the first
     * one. A withheld number cannot be followed. Only a number this consumer saw transferred is looked up, so an
     * ordinary call costs no query (after a restart, a transfer from before it is not followed).
     */
    private void followOnOfTransfer(UUID contactId, String callerNumber, Instant startedAt) {
        if (callerNumber == null || recentTransfers.remove(callerNumber) == null) {
            return;
        }
        contacts.transferredBefore(callerNumber, startedAt, FOLLOW_ON, contactId)
                .ifPresent(previous -> contacts.linkPrevious(contactId, previous));
    }

    private DeskCall signal(DeskCall.Kind kind, CallEventRecord event, UUID contactId, String callerNumber) {
        Long waitMs = waitMs(event);
        return new DeskCall(
                kind,
                event.tenantId(),
                event.callId(),
                event.agentId(),
                userOf(event),
                callerNumber,
                waitMs == null ? 0 : waitMs,
                contactId,
                event.at());
    }

    private UUID userOf(CallEventRecord event) {
        return event.agentId() == null
                ? null
                : agents.userOfAgent(event.agentId()).orElse(null);
    }

    /** From the map of open calls; only a call offered before this run's first batch is read from the feed. */
    private Optional<Offered> offered(String callId) {
        Offered known = openCalls.get(callId);
        if (known != null) {
            return Optional.of(known);
        }
        return feed.ofCall(callId).stream()
                .filter(e -> e.type() == CallEventType.CALL_OFFERED)
                .findFirst()
                .map(e -> new Offered(e.at(), e.callerNumber()));
    }

    private static Long waitMs(CallEventRecord event) {
        String value = detail(event.detail(), "waitMs");
        try {
            return value == null ? null : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code key=value} from an event's detail, as the switchboard writes it. */
    static String detail(String detail, String key) {
        if (detail == null) {
            return null;
        }
        // target=… is a SIP URI and may hold ';' itself: a value runs to the next blank
        for (String part : detail.split("\\s+")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        return null;
    }
}
