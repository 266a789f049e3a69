package de.buergerservice.telephony.internal.sip;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import gov.nist.javax.sip.ListeningPointImpl;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The door of the SIP front for new calls (initial INVITEs only): recognises a retransmitted INVITE whose server
 * transaction is gone or not yet made, and refuses new calls with {@code 503 Service Unavailable} and
 * {@code Retry-After} while the server is saturated — before any transaction, routing or event work is done for
 * them. Everything inside a call (ACK, BYE, CANCEL, re-INVITE, REFER) and every response passes untouched, so a call
 * already admitted is never left half-handled and no agent is stranded.
 *
 * <p>Saturated means one of (docs/operations.md, {@link OverloadProperties}):
 *
 * <ul>
 *   <li><b>delay</b>: the oldest datagram in the SIP stack's UDP receive queue, or the backlog of the signalling
 *       thread (measured by a probe task every 20 ms), is older than {@code max-delay}. This is what grows when the
 *       CPU is taken — by other processes or by more calls than it can carry — and what makes callers retransmit;
 *   <li><b>rate</b>: more new calls per second than {@code max-call-rate} (token bucket, off by default);
 *   <li><b>calls</b>: {@code max-calls} calls already waiting or ringing.
 * </ul>
 *
 * <p>The 503 is sent without a server transaction (RFC 3261 §16.7 lets a proxy answer statelessly), so shedding costs
 * two datagrams and no state for 32 s; the INVITE is remembered for a minute, and a retransmission of it gets 503
 * again rather than being admitted once the load has dropped — the caller may already have heard the first 503.
 */
@Component
@EnableConfigurationProperties(OverloadProperties.class)
public class OverloadGuard {

    private static final Logger log = LoggerFactory.getLogger(OverloadGuard.class);
    static final String REASON = "Überlastet, bitte später erneut versuchen";
    private static final long PROBE_MILLIS = 20;
    /** RFC 3261: a client retransmits an INVITE for 64·T1 = 32 s; twice that covers time spent in queues. */
    private static final long REMEMBER_NANOS = TimeUnit.SECONDS.toNanos(64);

    /** Why a new call was refused. */
    public enum Cause {
        DELAY,
        RATE,
        CALLS
    }

    private final OverloadProperties properties;
    private final ObjectProvider<MeterRegistry> meters;
    private final RecentTransactions admitted = new RecentTransactions(REMEMBER_NANOS, System.nanoTime());
    private final RecentTransactions shed = new RecentTransactions(REMEMBER_NANOS, System.nanoTime());
    private final LongAdder[] shedBy = {new LongAdder(), new LongAdder(), new LongAdder()};
    private final LongAdder retransmissionsAbsorbed = new LongAdder();
    private final LongAdder retransmissionsShed = new LongAdder();
    private final List<Queue<?>> receiveQueues = new ArrayList<>();

    private SipProvider provider;
    private SipMessages sip;
    private ExecutorService signalling;
    private ScheduledFuture<?> probe;
    private volatile long probeSentNanos;
    private volatile long probeDelayNanos;
    private double tokens;
    private long tokensAt;
    private boolean registered;

    OverloadGuard(OverloadProperties properties, ObjectProvider<MeterRegistry> meters) {
        this.properties = properties;
        this.meters = meters;
    }

    /** Called by {@link SipServer} once the stack's listening points exist. */
    synchronized void start(
            SipProvider provider, SipMessages sip, ExecutorService signalling, ScheduledExecutorService timers) {
        this.provider = provider;
        this.sip = sip;
        this.signalling = signalling;
        receiveQueues.clear();
        for (ListeningPoint point : provider.getListeningPoints()) {
            Queue<?> queue = receiveQueue(point);
            if (queue != null) {
                receiveQueues.add(queue);
            }
        }
        probeSentNanos = 0;
        probeDelayNanos = 0;
        probe = timers.scheduleAtFixedRate(this::probe, PROBE_MILLIS, PROBE_MILLIS, TimeUnit.MILLISECONDS);
        registerMeters();
    }

    synchronized void stop() {
        if (probe != null) {
            probe.cancel(false);
        }
    }

    /**
     * Whether a new call (an INVITE without To-tag and without server transaction) may go on to routing. If not,
     * it has been dealt with here: absorbed as a retransmission, or answered 503.
     */
    boolean admit(Request invite, int activeCalls) {
        long now = System.nanoTime();
        long key = key(invite);
        if (shed.contains(key, now)) {
            retransmissionsShed.increment();
            refuse(invite);
            return false;
        }
        if (!admitted.add(key, now)) {
            // the stack found no transaction: the original is still being handled on another stack thread, or the
            // call was answered and its transaction is gone (RFC 6026's Accepted state) — nothing to do either way
            retransmissionsAbsorbed.increment();
            return false;
        }
        Cause cause = properties.enabled() ? saturation(activeCalls, now) : null;
        if (cause == null) {
            return true;
        }
        shed.add(key, now);
        shedBy[cause.ordinal()].increment();
        refuse(invite);
        return false;
    }

    private Cause saturation(int activeCalls, long now) {
        if (delayNanos() > properties.maxDelay().toNanos()) {
            return Cause.DELAY;
        }
        if (activeCalls >= properties.maxCalls()) {
            return Cause.CALLS;
        }
        if (properties.maxCallRate() > 0 && !takeToken(now)) {
            return Cause.RATE;
        }
        return null;
    }

    private synchronized boolean takeToken(long now) {
        int rate = properties.maxCallRate();
        if (tokensAt == 0) {
            tokens = rate;
        } else {
            tokens = Math.min(rate, tokens + (now - tokensAt) * rate / 1e9);
        }
        tokensAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private void refuse(Request invite) {
        try {
            Response response = sip.response(Response.SERVICE_UNAVAILABLE, invite, REASON);
            response.addHeader(sip.headers().createRetryAfterHeader((int)
                    Math.max(1, properties.retryAfter().toSeconds())));
            provider.sendResponse(response);
        } catch (Exception e) {
            log.debug("503 not sent: {}", e.toString());
        }
    }

    /** How long the oldest received message has been waiting for the server, in nanoseconds. */
    long delayNanos() {
        long now = System.nanoTime();
        long sent = probeSentNanos;
        long delay = Math.max(probeDelayNanos, sent == 0 ? 0 : now - sent);
        if (!receiveQueues.isEmpty()) {
            long nowMillis = System.currentTimeMillis();
            for (Queue<?> queue : receiveQueues) {
                if (queue.peek() instanceof DatagramQueuedMessageDispatch oldest) {
                    delay = Math.max(delay, TimeUnit.MILLISECONDS.toNanos(nowMillis - oldest.getReceptionTime()));
                }
            }
        }
        return delay;
    }

    /** A task through the signalling thread: how long it waited is that thread's backlog. */
    private void probe() {
        if (probeSentNanos != 0) {
            return; // the last one has not run yet; delayNanos() counts its age
        }
        long sent = System.nanoTime();
        probeSentNanos = sent;
        try {
            signalling.execute(() -> {
                probeDelayNanos = System.nanoTime() - sent;
                probeSentNanos = 0;
            });
        } catch (RejectedExecutionException stopping) {
            probeSentNanos = 0;
        }
    }

    /**
     * The SIP stack's queue of received datagrams (JAIN-SIP RI keeps each with its reception time). Not part of the
     * JAIN SIP API: read by reflection, and without it only the signalling backlog is watched.
     */
    private static Queue<?> receiveQueue(ListeningPoint point) {
        try {
            if (point instanceof ListeningPointImpl impl
                    && impl.getMessageProcessor() instanceof UDPMessageProcessor udp) {
                Field field = UDPMessageProcessor.class.getDeclaredField("messageQueue");
                field.setAccessible(true);
                return (Queue<?>) field.get(udp);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("SIP receive queue not watched by the overload guard ({}); signalling backlog only", e.toString());
        }
        return null;
    }

    private static long key(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        return RecentTransactions.hash(
                ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId(),
                via == null ? null : via.getBranch() + via.getHost() + ":" + via.getPort(),
                cseq == null ? 0 : cseq.getSeqNumber());
    }

    private void registerMeters() {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry == null || registered) {
            return;
        }
        registered = true;
        for (Cause cause : Cause.values()) {
            FunctionCounter.builder("buergerservice.sip.overload.rejected", shedBy[cause.ordinal()], LongAdder::sum)
                    .description("new calls refused with 503 because the server was saturated")
                    .tag("cause", cause.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
        }
        FunctionCounter.builder("buergerservice.sip.invite.retransmissions", retransmissionsAbsorbed, LongAdder::sum)
                .description("retransmitted INVITEs of admitted calls answered without routing")
                .tag("outcome", "absorbed")
                .register(registry);
        FunctionCounter.builder("buergerservice.sip.invite.retransmissions", retransmissionsShed, LongAdder::sum)
                .description("retransmitted INVITEs of refused calls, refused again")
                .tag("outcome", "rejected")
                .register(registry);
        Gauge.builder("buergerservice.sip.transactions", this, OverloadGuard::serverTransactions)
                .description("server transactions the SIP stack holds")
                .register(registry);
        Gauge.builder("buergerservice.sip.queue.delay", this, g -> g.delayNanos() / 1e6)
                .description("how long the oldest received SIP message has waited, in ms")
                .baseUnit("milliseconds")
                .register(registry);
    }

    // --- read by tests and operators ---------------------------------------------------------------------

    public long rejected(Cause cause) {
        return shedBy[cause.ordinal()].sum();
    }

    public long retransmissionsAbsorbed() {
        return retransmissionsAbsorbed.sum();
    }

    public long retransmissionsRejected() {
        return retransmissionsShed.sum();
    }

    /** Server transactions the SIP stack holds (waiting callers, and requests within their RFC 3261 timers). */
    public int serverTransactions() {
        return provider != null && provider.getSipStack() instanceof SipStackImpl impl
                ? impl.getServerTransactionTableSize()
                : 0;
    }

    /** Whether the stack's receive queue is watched (else only the signalling backlog). */
    public boolean watchesReceiveQueue() {
        return !receiveQueues.isEmpty();
    }
}
