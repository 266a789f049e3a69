package de.buergerservice.telephony.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import de.buergerservice.telephony.bench.SipText.Message;

/**
 * A SIP load generator over UDP on 127.0.0.1, hand-written so that it costs little CPU next to the server under
 * test: one socket for all agent phones (told apart by the user in their Contact), one for all callers (told
 * apart by Call-ID), one receiving thread per socket, one timer thread, one pacing thread.
 *
 * <p>Agent phones register with digest authentication and answer every INVITE: 180 at once, 200 with SDP after
 * the ring delay (repeated until ACK, RFC 3261 §13.3.1.4); BYE gets 200, CANCEL 200 and 487. Callers send INVITE
 * (repeated until a response, Timer A), ACK the 200, hang up with BYE after the talk time. Waiting calls dial a
 * queue no registered agent serves, hear 182 and are CANCELled (487, ACK) at the end.
 *
 * <p>Measured per call: INVITE sent → first 182 received, and agent phone sends 200 → caller receives 200 (same
 * process, same {@link System#nanoTime()}).
 */
final class SipLoadGenerator implements AutoCloseable {

    private static final long T1_MILLIS = 500;
    private static final long GIVE_UP_MILLIS = 32_000;
    private static final boolean TRACE = Boolean.getBoolean("bench.trace");

    /** What happened to one call, as the generator saw it. */
    enum Outcome {
        PENDING,
        QUEUED,
        COMPLETED,
        CANCELLED,
        FAILED
    }

    /** One call, both ends: the caller's dialog and the agent phone's side of it. */
    static final class Call {
        final String id;
        final boolean waiting;
        final String branch;
        final String fromTag;
        final byte[] invite;
        volatile boolean measured;
        volatile long sentNanos;
        volatile long queuedNanos;
        volatile long agentOkNanos;
        volatile long callerOkNanos;
        volatile boolean provisional;
        volatile boolean provisionalBefore182;
        volatile int finalStatus;
        volatile Outcome outcome = Outcome.PENDING;
        volatile String failure;
        volatile int reminders;
        // caller side after 200
        volatile byte[] ack;
        volatile boolean byeAnswered;
        volatile boolean cancelAnswered;
        /** The INVITEs the proxy sent to agent phones for this call (more than one after a ring timeout). */
        final Map<String, AgentLeg> legs = new ConcurrentHashMap<>();

        Call(String id, boolean waiting, String branch, String fromTag, byte[] invite) {
            this.id = id;
            this.waiting = waiting;
            this.branch = branch;
            this.fromTag = fromTag;
            this.invite = invite;
        }
    }

    /** One agent phone's side of a call: the INVITE the proxy forwarded and what the phone answered. */
    static final class AgentLeg {
        final Message invite;
        final String user;
        final String tag;
        volatile byte[] last;
        volatile boolean acked;
        volatile boolean cancelled;

        AgentLeg(Message invite, String tag) {
            this.invite = invite;
            this.user = invite.targetUser();
            this.tag = tag;
        }
    }

    private final LoadPlan plan;
    private final InetSocketAddress server;
    private final DatagramChannel agents;
    private final DatagramChannel callers;
    private final int agentPort;
    private final int callerPort;
    private final ScheduledThreadPoolExecutor timer;
    private final List<Thread> receivers = new ArrayList<>();
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Semaphore registrationWindow = new Semaphore(64);
    private final Map<String, AtomicLong> retransmitted = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private final List<Call> waitingCalls = Collections.synchronizedList(new ArrayList<>());
    private final List<Call> loadCalls = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean open = true;

    final Latencies inviteTo182 = new Latencies();
    final Latencies answerRelay = new Latencies();
    final Latencies inviteTo200 = new Latencies();

    /** One phone's REGISTER exchange. */
    private static final class Registration {
        final String user;
        final String callId;
        volatile int status;
        final Semaphore done = new Semaphore(0);

        Registration(String user, String callId) {
            this.user = user;
            this.callId = callId;
        }
    }

    SipLoadGenerator(LoadPlan plan) throws IOException {
        this.plan = plan;
        this.server = new InetSocketAddress(plan.sipHost(), plan.sipPort());
        this.agents = channel();
        this.callers = channel();
        this.agentPort = ((InetSocketAddress) agents.getLocalAddress()).getPort();
        this.callerPort = ((InetSocketAddress) callers.getLocalAddress()).getPort();
        this.timer = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "load-timer"));
        timer.setRemoveOnCancelPolicy(true);
        receivers.add(daemon(() -> receive(agents, this::onAgentMessage), "load-agents-rx"));
        receivers.add(daemon(() -> receive(callers, this::onCallerMessage), "load-callers-rx"));
        receivers.forEach(Thread::start);
    }

    private static DatagramChannel channel() throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
        return channel;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    // --- phases --------------------------------------------------------------------------------------------

    /** Registers every agent phone (at most 64 at a time); returns how many got 200. */
    int registerAgents(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        List<Registration> all = new ArrayList<>();
        for (String user : plan.agentUsers()) {
            if (!registrationWindow.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            Registration registration = new Registration(user, plan.callIdPrefix() + "reg-" + user);
            registrations.put(registration.callId, registration);
            all.add(registration);
            byte[] register = register(registration, null, 1);
            send(agents, register);
            retransmit(agents, register, () -> registration.status != 0);
        }
        int ok = 0;
        for (Registration registration : all) {
            registration.done.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (registration.status == 200) {
                ok++;
            } else if (failures.size() < 100) {
                fail("REGISTER " + registration.status);
            }
        }
        return ok;
    }

    /** Places the waiting calls (paced at 1,000/s) and waits until each has heard 182; returns how many did. */
    int fillWaiting(long timeoutMillis) throws InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < plan.waitingCalls(); i++) {
            pace(start, i, 1000);
            waitingCalls.add(invite(plan.waitingNumber(), "w", true));
        }
        awaitTrue(
                () -> count(waitingCalls, Outcome.QUEUED) + count(waitingCalls, Outcome.FAILED) >= plan.waitingCalls(),
                timeoutMillis);
        return count(waitingCalls, Outcome.QUEUED);
    }

    /**
     * Places calls for warm-up plus measured time (open loop: the schedule never waits for answers), then waits
     * until every call has ended or failed. The warm-up climbs to the plan's rate in four equal steps (25, 50, 75,
     * 100 %), so the server's JIT compiler warms up before it has to keep up; the measured time runs at the plan's
     * rate throughout. Latencies are kept for calls placed in the measured time only.
     *
     * @return the measured time actually taken to place the measured calls, in seconds
     */
    double placeCalls(long drainMillis) throws InterruptedException {
        return placeCalls(drainMillis, () -> {}, () -> {});
    }

    /** As {@link #placeCalls(long)}, telling when the measured time starts and when its last call was placed. */
    double placeCalls(long drainMillis, Runnable measuredStarts, Runnable measuredEnds) throws InterruptedException {
        for (int step = 1; step <= 4; step++) {
            double rate = plan.rate() * step / 4;
            long calls = Math.round(rate * plan.warmUp().toMillis() / 4000.0);
            long start = System.nanoTime();
            for (long i = 0; i < calls; i++) {
                pace(start, i, rate);
                loadCalls.add(invite(plan.number(), "c", false));
            }
        }
        long measured = Math.round(plan.rate() * plan.measured().toMillis() / 1000.0);
        measuredStarts.run();
        long start = System.nanoTime();
        for (long i = 0; i < measured; i++) {
            pace(start, i, plan.rate());
            loadCalls.add(invite(plan.number(), "c", true));
        }
        long placedIn = System.nanoTime() - start;
        measuredEnds.run();
        awaitTrue(
                () -> count(loadCalls, Outcome.COMPLETED) + count(loadCalls, Outcome.FAILED) >= loadCalls.size(),
                drainMillis);
        // the last measured call was placed one period before the end of the measured window
        return measured == 0 ? 0 : placedIn / 1e9 + 1.0 / plan.rate();
    }

    /** CANCELs every waiting call that is still queued; returns how many got 487. */
    int cancelWaiting(long timeoutMillis) throws InterruptedException {
        long start = System.nanoTime();
        int i = 0;
        for (Call call : List.copyOf(waitingCalls)) {
            if (call.outcome != Outcome.QUEUED) {
                continue;
            }
            pace(start, i++, 1000);
            byte[] cancel = cancel(call);
            send(callers, cancel);
            retransmit(callers, cancel, () -> call.cancelAnswered || call.finalStatus != 0);
        }
        awaitTrue(() -> count(waitingCalls, Outcome.QUEUED) == 0, timeoutMillis);
        return count(waitingCalls, Outcome.CANCELLED);
    }

    // --- results -------------------------------------------------------------------------------------------

    List<Call> loadCalls() {
        return List.copyOf(loadCalls);
    }

    List<Call> waitingCalls() {
        return List.copyOf(waitingCalls);
    }

    int reminders() {
        int sum = 0;
        for (Call call : waitingCalls()) {
            sum += call.reminders;
        }
        return sum;
    }

    /** Retransmissions by message ("INVITE", "200 INVITE", …). */
    Map<String, Long> retransmittedByKind() {
        Map<String, Long> copy = new TreeMap<>();
        retransmitted.forEach((kind, n) -> copy.put(kind, n.get()));
        return copy;
    }

    private static String kind(byte[] message) {
        Message parsed = SipText.parse(message, message.length);
        return parsed.isResponse() ? parsed.status() + " " + parsed.cseqMethod() : parsed.method();
    }

    /** Failure reasons (status code and phrase, or what was missing) with their counts. */
    Map<String, Long> failures() {
        Map<String, Long> copy = new TreeMap<>();
        failures.forEach((reason, n) -> copy.put(reason, n.get()));
        return copy;
    }

    static int count(List<Call> calls, Outcome outcome) {
        synchronized (calls) {
            int n = 0;
            for (Call call : calls) {
                if (call.outcome == outcome) {
                    n++;
                }
            }
            return n;
        }
    }

    /** Calls still not ended: marks them failed with what they were waiting for. */
    void markUnfinished() {
        for (List<Call> list : List.of(loadCalls(), waitingCalls())) {
            for (Call call : list) {
                if (call.outcome == Outcome.PENDING || (!call.waiting && call.outcome == Outcome.QUEUED)) {
                    fail(call, call.callerOkNanos == 0 ? "no final response" : "no 200 for BYE");
                }
            }
        }
    }

    @Override
    public void close() {
        open = false;
        timer.shutdownNow();
        try {
            agents.close();
            callers.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    // --- receiving -----------------------------------------------------------------------------------------

    private void receive(DatagramChannel channel, Consumer<Message> handler) {
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        while (open) {
            try {
                buffer.clear();
                channel.receive(buffer);
                Message message = SipText.parse(buffer.array(), buffer.position());
                if (TRACE) {
                    System.out.println("<<< " + message.startLine() + " " + message.callId());
                }
                handler.accept(message);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (open) {
                    failures.computeIfAbsent("generator: " + e, k -> new AtomicLong())
                            .incrementAndGet();
                }
            }
        }
    }

    private void onAgentMessage(Message message) {
        if (message.isResponse()) {
            Registration registration = registrations.get(message.callId());
            if (registration != null) {
                onRegisterResponse(registration, message);
            }
            return;
        }
        switch (message.method()) {
            case "INVITE" -> onAgentInvite(message);
            case "ACK" -> {
                Call call = calls.get(message.callId());
                String tag = message.toTag();
                if (call != null) {
                    call.legs.values().stream()
                            .filter(leg -> leg.tag.equals(tag))
                            .forEach(leg -> leg.acked = true);
                }
            }
            case "BYE" -> send(agents, SipText.response(message, 200, "OK", null, null, null));
            case "CANCEL" -> onAgentCancel(message);
            default -> send(agents, SipText.response(message, 200, "OK", null, null, null));
        }
    }

    private void onRegisterResponse(Registration registration, Message response) {
        int status = response.status();
        if (status == 401 && response.cseqNumber() == 1) {
            registration.status = 401;
            byte[] retry = register(registration, response.header("WWW-Authenticate"), 2);
            send(agents, retry);
            retransmit(agents, retry, () -> registration.status != 401);
        } else if (status >= 200 && (registration.status == 0 || registration.status == 401)) {
            registration.status = status;
            registrationWindow.release();
            registration.done.release();
        }
    }

    private void onAgentInvite(Message invite) {
        Call call = calls.get(invite.callId());
        if (call == null) {
            send(agents, SipText.response(invite, 481, "Call/Transaction Does Not Exist", "x", null, null));
            return;
        }
        AgentLeg leg = new AgentLeg(invite, "a" + Long.toHexString(sequence.incrementAndGet()));
        AgentLeg known = call.legs.putIfAbsent(invite.topBranch(), leg);
        if (known != null) {
            send(agents, known.last); // the proxy repeated its INVITE: repeat our last response
            return;
        }
        leg.last = SipText.response(invite, 180, "Ringing", leg.tag, contact(leg.user), null);
        send(agents, leg.last);
        timer.schedule(() -> answer(call, leg), plan.ringDelay().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void answer(Call call, AgentLeg leg) {
        StringBuilder extra = new StringBuilder(contact(leg.user));
        for (String route : leg.invite.all("Record-Route")) {
            extra.append("Record-Route: ").append(route).append("\r\n");
        }
        byte[] ok;
        synchronized (leg) {
            if (leg.cancelled) {
                return;
            }
            ok = SipText.response(leg.invite, 200, "OK", leg.tag, extra.toString(), SipText.SDP);
            leg.last = ok;
            if (call.agentOkNanos == 0) {
                call.agentOkNanos = System.nanoTime();
            }
        }
        send(agents, ok);
        retransmit(agents, ok, () -> leg.acked);
    }

    private void onAgentCancel(Message cancel) {
        send(agents, SipText.response(cancel, 200, "OK", null, null, null));
        Call call = calls.get(cancel.callId());
        AgentLeg leg = call == null ? null : call.legs.get(cancel.topBranch());
        if (leg != null) {
            synchronized (leg) {
                leg.cancelled = true;
                leg.last = SipText.response(leg.invite, 487, "Request Terminated", leg.tag, null, null);
            }
            send(agents, leg.last);
        }
    }

    private void onCallerMessage(Message message) {
        if (!message.isResponse()) {
            send(callers, SipText.response(message, 200, "OK", "c", null, null)); // BYE or OPTIONS towards a caller
            return;
        }
        Call call = calls.get(message.callId());
        if (call == null) {
            return;
        }
        String method = message.cseqMethod();
        int status = message.status();
        if ("INVITE".equals(method)) {
            onInviteResponse(call, message, status);
        } else if ("BYE".equals(method) && status >= 200) {
            call.byeAnswered = true;
            if (status == 200) {
                call.outcome = Outcome.COMPLETED;
            } else {
                fail(call, "BYE " + status + " " + reason(message));
            }
        } else if ("CANCEL".equals(method) && status >= 200) {
            call.cancelAnswered = true;
        }
    }

    private void onInviteResponse(Call call, Message response, int status) {
        long now = System.nanoTime();
        if (status == 100) {
            call.provisional = true;
            return;
        }
        if (status < 200) {
            if (status == 182) {
                if (call.queuedNanos == 0) {
                    call.queuedNanos = now;
                    if (call.measured && !call.waiting) {
                        inviteTo182.add(now - call.sentNanos, now);
                    }
                    if (call.outcome == Outcome.PENDING) {
                        call.outcome = Outcome.QUEUED;
                    }
                } else if (call.waiting) {
                    call.reminders++;
                }
            } else if (call.queuedNanos == 0) {
                call.provisionalBefore182 = true;
            }
            call.provisional = true;
            return;
        }
        if (status < 300) {
            if (call.callerOkNanos == 0) {
                call.callerOkNanos = now;
                call.finalStatus = status;
                if (call.measured && call.agentOkNanos != 0) {
                    answerRelay.add(now - call.agentOkNanos, now);
                }
                if (call.measured && !call.waiting) {
                    inviteTo200.add(now - call.sentNanos, now);
                }
                call.ack = ackFor2xx(call, response);
                send(callers, call.ack);
                timer.schedule(() -> hangUp(call, response), plan.talk().toNanos(), TimeUnit.NANOSECONDS);
            } else {
                send(callers, call.ack); // the 200 came again: our ACK was lost
            }
            return;
        }
        send(callers, ackForFailure(call, response));
        if (call.finalStatus == 0) {
            call.finalStatus = status;
            if (status == 487 && call.waiting) {
                call.outcome = Outcome.CANCELLED;
            } else {
                fail(call, "INVITE " + status + " " + reason(response));
            }
        }
    }

    private void hangUp(Call call, Message ok) {
        byte[] bye = inDialog(call, ok, "BYE", 2);
        send(callers, bye);
        retransmit(callers, bye, () -> call.byeAnswered);
    }

    private void fail(Call call, String why) {
        call.outcome = Outcome.FAILED;
        call.failure = why;
        fail(why);
    }

    private void fail(String why) {
        failures.computeIfAbsent(why, k -> new AtomicLong()).incrementAndGet();
    }

    private static String reason(Message response) {
        return response.startLine().substring(12);
    }

    // --- sending -------------------------------------------------------------------------------------------

    private Call invite(String number, String kind, boolean measured) {
        long n = sequence.incrementAndGet();
        String id = plan.callIdPrefix() + kind + n;
        String branch = "z9hG4bK" + kind + n;
        String tag = "f" + n;
        String target = "sip:" + number + "@" + plan.sipHost() + ":" + plan.sipPort();
        StringBuilder out = new StringBuilder(640);
        out.append("INVITE ")
                .append(target)
                .append(" SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP 127.0.0.1:")
                .append(callerPort)
                .append(";branch=")
                .append(branch)
                .append("\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("From: <sip:buerger")
                .append(n)
                .append("@127.0.0.1>;tag=")
                .append(tag)
                .append("\r\n")
                .append("To: <")
                .append(target)
                .append(">\r\n")
                .append("Call-ID: ")
                .append(id)
                .append("\r\n")
                .append("CSeq: 1 INVITE\r\n")
                .append("Contact: <sip:buerger")
                .append(n)
                .append("@127.0.0.1:")
                .append(callerPort)
                .append(">\r\n");
        Call call = new Call(id, "w".equals(kind), branch, tag, SipText.finish(out, SipText.SDP));
        call.measured = measured;
        calls.put(id, call);
        call.sentNanos = System.nanoTime();
        send(callers, call.invite);
        retransmit(callers, call.invite, () -> call.provisional || call.finalStatus != 0);
        return call;
    }

    private byte[] ackFor2xx(Call call, Message ok) {
        return inDialog(call, ok, "ACK", 1);
    }

    /** ACK or BYE in the dialog the 200 set up (RFC 3261 §12.2.1.1): to the Contact, via the Record-Route set. */
    private byte[] inDialog(Call call, Message ok, String method, long cseq) {
        List<String> routes = new ArrayList<>(ok.all("Record-Route"));
        Collections.reverse(routes);
        StringBuilder out = new StringBuilder(512);
        out.append(method)
                .append(' ')
                .append(ok.contactUri())
                .append(" SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP 127.0.0.1:")
                .append(callerPort)
                .append(";branch=")
                .append(call.branch)
                .append(method.charAt(0))
                .append("\r\n");
        for (String route : routes) {
            out.append("Route: ").append(route).append("\r\n");
        }
        out.append("Max-Forwards: 70\r\n")
                .append("From: ")
                .append(ok.header("From"))
                .append("\r\n")
                .append("To: ")
                .append(ok.header("To"))
                .append("\r\n")
                .append("Call-ID: ")
                .append(call.id)
                .append("\r\n")
                .append("CSeq: ")
                .append(cseq)
                .append(' ')
                .append(method)
                .append("\r\n");
        return SipText.finish(out, null);
    }

    /** ACK of a non-2xx final response: same branch and Request-URI as the INVITE (RFC 3261 §17.1.1.3). */
    private byte[] ackForFailure(Call call, Message response) {
        return sameTransaction(call, "ACK", response.header("To"));
    }

    /** CANCEL: same Request-URI, Via, From, To and Call-ID as the INVITE it cancels (RFC 3261 §9.1). */
    private byte[] cancel(Call call) {
        return sameTransaction(call, "CANCEL", null);
    }

    private byte[] sameTransaction(Call call, String method, String to) {
        Message invite = SipText.parse(call.invite, call.invite.length);
        StringBuilder out = new StringBuilder(384);
        out.append(method)
                .append(' ')
                .append(invite.target())
                .append(" SIP/2.0\r\n")
                .append("Via: ")
                .append(invite.header("Via"))
                .append("\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("From: ")
                .append(invite.header("From"))
                .append("\r\n")
                .append("To: ")
                .append(to == null ? invite.header("To") : to)
                .append("\r\n")
                .append("Call-ID: ")
                .append(call.id)
                .append("\r\n")
                .append("CSeq: 1 ")
                .append(method)
                .append("\r\n");
        return SipText.finish(out, null);
    }

    private byte[] register(Registration registration, String challenge, long cseq) {
        String aor = "sip:" + registration.user + "@" + plan.sipHost() + ":" + plan.sipPort();
        StringBuilder out = new StringBuilder(768);
        out.append("REGISTER ")
                .append(plan.serverUri())
                .append(" SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP 127.0.0.1:")
                .append(agentPort)
                .append(";branch=z9hG4bKr")
                .append(sequence.incrementAndGet())
                .append("\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("From: <")
                .append(aor)
                .append(">;tag=r")
                .append(registration.user)
                .append("\r\n")
                .append("To: <")
                .append(aor)
                .append(">\r\n")
                .append("Call-ID: ")
                .append(registration.callId)
                .append("\r\n")
                .append("CSeq: ")
                .append(cseq)
                .append(" REGISTER\r\n")
                .append(contact(registration.user))
                .append("Expires: 3600\r\n");
        if (challenge != null) {
            String realm = SipText.digestParam(challenge, "realm");
            String nonce = SipText.digestParam(challenge, "nonce");
            String cnonce = Long.toHexString(sequence.incrementAndGet());
            String ha1 = md5(registration.user + ":" + realm + ":" + plan.agentPassword());
            String ha2 = md5("REGISTER:" + plan.serverUri());
            String response = md5(ha1 + ":" + nonce + ":00000001:" + cnonce + ":auth:" + ha2);
            out.append("Authorization: Digest username=\"")
                    .append(registration.user)
                    .append("\",realm=\"")
                    .append(realm)
                    .append("\",nonce=\"")
                    .append(nonce)
                    .append("\",uri=\"")
                    .append(plan.serverUri())
                    .append("\",response=\"")
                    .append(response)
                    .append("\",algorithm=MD5,qop=auth,cnonce=\"")
                    .append(cnonce)
                    .append("\",nc=00000001\r\n");
        }
        return SipText.finish(out, null);
    }

    private String contact(String user) {
        return "Contact: <sip:" + user + "@127.0.0.1:" + agentPort + ">\r\n";
    }

    private void send(DatagramChannel channel, byte[] message) {
        try {
            channel.send(ByteBuffer.wrap(message), server);
        } catch (IOException e) {
            if (open) {
                failures.computeIfAbsent("send: " + e, k -> new AtomicLong()).incrementAndGet();
            }
        }
    }

    /** Sends the message again after T1, 2·T1, 4·T1 … (at most 4 s apart) until {@code done} or 32 s are over. */
    private void retransmit(DatagramChannel channel, byte[] message, BooleanSupplier done) {
        retransmit(channel, message, done, T1_MILLIS, 0);
    }

    private void retransmit(DatagramChannel channel, byte[] message, BooleanSupplier done, long delay, long waited) {
        if (!open) {
            return;
        }
        timer.schedule(
                () -> {
                    if (done.getAsBoolean() || waited + delay >= GIVE_UP_MILLIS) {
                        return;
                    }
                    retransmitted
                            .computeIfAbsent(kind(message), k -> new AtomicLong())
                            .incrementAndGet();
                    send(channel, message);
                    retransmit(channel, message, done, Math.min(delay * 2, 4_000), waited + delay);
                },
                delay,
                TimeUnit.MILLISECONDS);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** Waits until the i-th event of a schedule at {@code perSecond} from {@code start} is due. */
    private static void pace(long start, long i, double perSecond) {
        long due = start + (long) (i * 1e9 / perSecond);
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
