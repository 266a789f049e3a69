package de.buergerservice.telephony.internal.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import de.buergerservice.shared.Schedulers;
import de.buergerservice.telephony.internal.AgentService;
import de.buergerservice.telephony.internal.CallEventLog;
import de.buergerservice.telephony.internal.QueueService;
import de.buergerservice.telephony.internal.RegistrationStore;
import de.buergerservice.telephony.internal.RestartRecovery;
import de.buergerservice.telephony.internal.SwitchboardRelay;
import de.buergerservice.telephony.internal.media.SwitchboardVoice;
import de.buergerservice.telephony.internal.routing.Switchboard;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * Runs the SIP stack (JAIN-SIP reference implementation) on {@code buergerservice.sip.host}:{@code port}, UDP and
 * TCP, with the {@link SipProxy} as its listener. Starts after the call-event log and stops before it.
 */
@Component
@EnableConfigurationProperties(SipProperties.class)
public class SipServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SipServer.class);
    private static final AtomicInteger STACKS = new AtomicInteger();

    private final SipProperties properties;
    private final AgentService agents;
    private final QueueService queues;
    private final Switchboard switchboard;
    private final SwitchboardRelay relay;
    private final TenantDirectory tenants;
    private final Clock clock;
    private final RegistrationStore registrations;
    private final RestartRecovery recovery;
    private final CallEventLog events;
    private final OverloadGuard overload;
    private final SipRateLimits limits;
    private final RegisterLockout lockout;
    private final SwitchboardVoice voice;

    private SipStack stack;
    private SipProvider provider;
    private SipProxy proxy;
    private Registrar registrar;
    private ExecutorService signalling;
    private ScheduledExecutorService timers;
    private volatile int port;
    private volatile boolean running;

    SipServer(
            SipProperties properties,
            AgentService agents,
            QueueService queues,
            Switchboard switchboard,
            SwitchboardRelay relay,
            TenantDirectory tenants,
            Clock clock,
            RegistrationStore registrations,
            RestartRecovery recovery,
            CallEventLog events,
            OverloadGuard overload,
            SipRateLimits limits,
            RegisterLockout lockout,
            org.springframework.beans.factory.ObjectProvider<SwitchboardVoice> voice) {
        this.voice = voice.getIfAvailable();
        this.properties = properties;
        this.registrations = registrations;
        this.recovery = recovery;
        this.events = events;
        this.agents = agents;
        this.queues = queues;
        this.switchboard = switchboard;
        this.relay = relay;
        this.tenants = tenants;
        this.clock = clock;
        this.overload = overload;
        this.limits = limits;
        this.lockout = lockout;
    }

    /** The port actually listened on (differs from the property when that is 0). */
    public int port() {
        return port;
    }

    public String host() {
        return properties.host();
    }

    /** INVITEs currently handled (waiting, ringing) — a leak check for tests. */
    public int activeCalls() {
        return proxy == null ? 0 : proxy.activeCalls();
    }

    /** Answered calls the proxy supervises (until BYE, transfer and BYE, or its own end) — a leak check for tests. */
    public int openDialogs() {
        return proxy == null ? 0 : proxy.openDialogs();
    }

    public int registeredPhones() {
        return registrar == null ? 0 : registrar.bindingCount();
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled()) {
            log.info("SIP server disabled (buergerservice.sip.enabled=false)");
            return;
        }
        try {
            port = properties.port() == 0 ? freePort(properties.host()) : properties.port();
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            stack = new ProxySipStack(stackProperties()); // the RI's stack without its linear response search
            ListeningPoint udp = stack.createListeningPoint(properties.host(), port, ListeningPoint.UDP);
            ListeningPoint tcp = stack.createListeningPoint(properties.host(), port, ListeningPoint.TCP);
            provider = stack.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            SipMessages sip = new SipMessages(
                    factory.createMessageFactory(),
                    factory.createHeaderFactory(),
                    factory.createAddressFactory(),
                    properties.host(),
                    port);
            signalling = Executors.newSingleThreadExecutor(r -> daemon(r, "sip-signalling"));
            ScheduledThreadPoolExecutor timerPool = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "sip-timers"));
            // every answered call cancels its 182 reminder; without this the cancelled task (and the call's INVITE it
            // holds) stayed queued until its due time — at 300 calls/s some 9,000 dead calls kept for 30 s
            timerPool.setRemoveOnCancelPolicy(true);
            timers = timerPool;
            registrar = new Registrar(sip, agents, switchboard, properties, registrations, lockout);
            proxy = new SipProxy(
                    provider,
                    sip,
                    registrar,
                    switchboard,
                    queues,
                    new TenantLookup(tenants, clock),
                    properties,
                    signalling,
                    timers,
                    events,
                    overload,
                    voice);
            overload.start(provider, sip, signalling, timers);
            provider.addSipListener(new SipGate(proxy, limits, provider, sip)); // per-source limits first
            relay.connect(proxy);
            stack.start();
            running = true;
            restoreRegistrations();
            log.info("SIP server listening on {}:{} (UDP, TCP), realm {}", properties.host(), port, properties.realm());
        } catch (Exception e) {
            if (stack != null) {
                stack.stop(); // its threads would keep the JVM alive after the failed start
            }
            throw new IllegalStateException(
                    "SIP server could not start on " + properties.host() + ":" + properties.port()
                            + " (buergerservice.sip.host/port)",
                    e);
        }
    }

    private Properties stackProperties() {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "sip.buergerservice." + STACKS.incrementAndGet());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        // also the size of the byte[] the stack allocates for every received UDP datagram: at 64 KB (the stack's
        // default) that buffer was half of the server's allocation at 300 calls/s, and every datagram queued behind
        // a busy moment held 64 KB until handled
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", String.valueOf(properties.maxMessageSize()));
        // thousands of callers may wait at once, each holding an INVITE server transaction
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "100000");
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "100000");
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", "4194304");
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", "4194304");
        // RI default is java.util.Timer, whose cancelled tasks (one per transaction timer) stay queued until due;
        // the executor-based timer purges them
        p.setProperty(
                "gov.nist.javax.sip.TIMER_CLASS_NAME", "gov.nist.javax.sip.stack.timers.ScheduledExecutorSipTimer");
        // drop message references of finished transactions at once instead of with the transaction object
        p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        p.setProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY", "Normal");
        // RFC 3261 §17: a transaction in the Terminated state is destroyed at once. The stack instead keeps it 8 s
        // more by default (LINGER_TIMER) — at 300 calls/s some 2,500 answered INVITE transactions with their
        // messages, each copied by every young collection. The RFC timers (T1, Timer J/H/D…) are not touched: this
        // only ends the stack's own grace period after them. What the Accepted state of RFC 6026 absorbs (a late
        // INVITE retransmission) is absorbed by the proxy itself (SipProxy#newCall).
        p.setProperty("gov.nist.javax.sip.LINGER_TIMER", "0");
        // the stack's parser plus the checks it forgets (SIP version, headers that may appear once): see the class
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", GuardedParserFactory.class.getName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        return p;
    }

    /** A database problem must not keep the SIP server down: phones then come back with their next REGISTER. */
    private void restoreRegistrations() {
        try {
            int restored = registrar.restore(recovery::stateBefore);
            if (restored > 0) {
                log.info("{} phone registration(s) restored", restored);
            }
        } catch (RuntimeException e) {
            log.error("Phone registrations not restored; phones are reachable after their next REGISTER", e);
        }
    }

    /** Registrations whose time is up end here, and log their agent out. */
    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.SECONDS, scheduler = Schedulers.LIVE)
    void expireRegistrations() {
        Registrar current = registrar;
        if (running && current != null) {
            current.expire();
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        relay.connect(null);
        try {
            provider.removeSipListener(proxy);
            for (ListeningPoint point : provider.getListeningPoints()) {
                provider.removeListeningPoint(point);
                stack.deleteListeningPoint(point);
            }
            stack.deleteSipProvider(provider);
        } catch (Exception e) {
            log.debug("SIP shutdown: {}", e.toString());
        }
        overload.stop();
        stack.stop();
        timers.shutdownNow();
        signalling.shutdown();
        log.info("SIP server stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** A port free for both UDP and TCP on the host (port 0 in tests). */
    private static int freePort(String host) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate;
            try (DatagramSocket udp = new DatagramSocket(0, address)) {
                candidate = udp.getLocalPort();
            }
            try (ServerSocket tcp = new ServerSocket(candidate, 1, address)) {
                return candidate;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free SIP port on " + host);
    }
}
