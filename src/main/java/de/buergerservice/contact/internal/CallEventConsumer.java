package de.buergerservice.contact.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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
 * changes nothing. Every 200 ms: the desk's screen pop is sent from here once the events are committed, well
 * within the second it may take.
 */
@Component
public class CallEventConsumer {

    private static final Logger log = LoggerFactory.getLogger(CallEventConsumer.class);
    static final String CONSUMER = "call-events";
    static final int BATCH = 500;
    /** Older rings are not popped on a desk (a restart replaying the feed must not pop long-gone calls). */
    private static final Duration LIVE = Duration.ofSeconds(30);
    /** How soon after the transfer the follow-on call must arrive to be taken for it. */
    static final Duration FOLLOW_ON = Duration.ofMinutes(2);

    private final CallEventFeed feed;
    private final ContactStore contacts;
    private final TelephonyAgents agents;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CallEventConsumer(
            CallEventFeed feed,
            ContactStore contacts,
            TelephonyAgents agents,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.feed = feed;
        this.contacts = contacts;
        this.agents = agents;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 200, initialDelay = 200)
    void poll() {
        try {
            while (pollOnce() == BATCH) {
                // a backlog (after a restart): read on at once
            }
        } catch (RuntimeException e) {
            log.warn("Call events not applied to contacts, retrying: {}", e.toString());
        }
    }

    /** Applies the next batch of the feed and returns how many events it held. */
    public int pollOnce() {
        List<DeskCall> signals = new ArrayList<>();
        Integer applied = transactions.execute(status -> {
            Long position = jdbc.queryForObject(
                    "select last_sequence from contact_feed_position where consumer = ? for update",
                    Long.class,
                    CONSUMER);
            List<CallEventRecord> batch = feed.after(position, BATCH);
            batch.forEach(event -> apply(event, signals));
            if (!batch.isEmpty()) {
                jdbc.update(
                        "update contact_feed_position set last_sequence = ? where consumer = ?",
                        batch.get(batch.size() - 1).sequence(),
                        CONSUMER);
            }
            return batch.size();
        });
        Instant now = clock.instant();
        signals.stream().filter(s -> s.at().isAfter(now.minus(LIVE))).forEach(events::publishEvent);
        return applied == null ? 0 : applied;
    }

    /** Applies one event; safe to repeat. Signals for the desk are collected in {@code signals}. */
    public void apply(CallEventRecord event, List<DeskCall> signals) {
        switch (event.type()) {
            case AGENT_RINGING -> {
                if (event.at().isAfter(clock.instant().minus(LIVE))) {
                    signals.add(signal(DeskCall.Kind.RINGING, event, null));
                }
            }
            case ANSWERED -> answered(event, signals);
            case TRANSFERRED -> {
                contacts.callEnded(event.callId(), event.at(), detail(event.detail(), "target"));
                signals.add(signal(DeskCall.Kind.ENDED, event, null));
            }
            case ENDED -> {
                contacts.callEnded(event.callId(), event.at(), null);
                signals.add(signal(DeskCall.Kind.ENDED, event, null));
            }
            case AGENT_STATE_CHANGED -> {
                if (event.agentId() != null && event.agentState() != AgentState.WRAP_UP) {
                    contacts.wrapUpEnded(event.agentId(), event.at());
                }
            }
            default -> {
                // CALL_OFFERED, QUEUED, ABANDONED …: no contact before somebody answered
            }
        }
    }

    private void answered(CallEventRecord event, List<DeskCall> signals) {
        if (event.callId() == null || event.tenantId() == null) {
            return;
        }
        Optional<CallEventRecord> offered = offered(event.callId());
        Long waitMs = waitMs(event);
        Instant startedAt = offered.map(CallEventRecord::at)
                .orElse(waitMs == null ? event.at() : event.at().minusMillis(waitMs));
        UUID userId = event.agentId() == null
                ? null
                : agents.userOfAgent(event.agentId()).orElse(null);
        UUID id = UUID.randomUUID();
        boolean created = contacts.insertPhone(
                id,
                event.tenantId(),
                event.callId(),
                offered.map(CallEventRecord::callerNumber).orElse(null),
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
            followOnOfTransfer(id, offered.map(CallEventRecord::callerNumber).orElse(null), startedAt);
        }
        signals.add(signal(DeskCall.Kind.ANSWERED, event, contactId));
    }

    /**
     * A blind transfer (REFER, RFC 3515) makes the caller's phone place a new call with a new Call-ID; when that
     * reaches the ServiceCenter again (an agent referred the caller to another municipality's line) the feed shows a
     * TRANSFERRED call and, moments later, a CALL_OFFERED of the same caller. The new contact then refers to the first
     * one. A withheld number cannot be followed.
     */
    private void followOnOfTransfer(UUID contactId, String callerNumber, Instant startedAt) {
        contacts.transferredBefore(callerNumber, startedAt, FOLLOW_ON, contactId)
                .ifPresent(previous -> contacts.linkPrevious(contactId, previous));
    }

    private DeskCall signal(DeskCall.Kind kind, CallEventRecord event, UUID contactId) {
        Optional<CallEventRecord> offered = kind == DeskCall.Kind.RINGING ? offered(event.callId()) : Optional.empty();
        long waitMs = offered.map(o -> Duration.between(o.at(), event.at()).toMillis())
                .orElseGet(() -> {
                    Long w = waitMs(event);
                    return w == null ? 0 : w;
                });
        UUID userId = event.agentId() == null
                ? null
                : agents.userOfAgent(event.agentId()).orElse(null);
        return new DeskCall(
                kind,
                event.tenantId(),
                event.callId(),
                event.agentId(),
                userId,
                offered.map(CallEventRecord::callerNumber).orElse(null),
                waitMs,
                contactId,
                event.at());
    }

    private Optional<CallEventRecord> offered(String callId) {
        return callId == null
                ? Optional.empty()
                : feed.ofCall(callId).stream()
                        .filter(e -> e.type() == CallEventType.CALL_OFFERED)
                        .findFirst();
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
