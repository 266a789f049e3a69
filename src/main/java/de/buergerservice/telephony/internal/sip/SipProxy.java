package de.buergerservice.telephony.internal.sip;

import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import de.buergerservice.telephony.internal.CallEventLog;
import de.buergerservice.telephony.internal.Digest;
import de.buergerservice.telephony.internal.QueueService;
import de.buergerservice.telephony.internal.QueueSettings;
import de.buergerservice.telephony.internal.media.SwitchboardVoice;
import de.buergerservice.telephony.internal.media.TelephoneEvent;
import de.buergerservice.telephony.internal.routing.RoutingException;
import de.buergerservice.telephony.internal.routing.Switchboard;
import de.buergerservice.telephony.internal.routing.SwitchboardListener;
import de.buergerservice.tenancy.OpeningStatus;
import de.buergerservice.tenancy.TenantInfo;

/**
 * The queueing proxy (RFC 3261 §16; transaction-stateful but for ACK and BYE over UDP): an INVITE to a municipality's
 * number is answered with {@code 182 Queued} and handed to the routing core; when the core picks an agent, the INVITE
 * is forwarded to the agent's registered phone with Record-Route, so answer, transfer (REFER) and hang-up pass here.
 * Media (SDP) is relayed untouched: audio flows directly between caller and agent.
 *
 * <p>The core's instructions (ring, cancel, queued) arrive under its lock and are carried out in order on one
 * signalling thread, so the stack's locks and the core's lock are never held together.
 */
class SipProxy implements SipListener, SwitchboardListener {

    private static final Logger log = LoggerFactory.getLogger(SipProxy.class);
    static final String CLOSED_REASON = "Außerhalb der Öffnungszeiten";
    static final java.time.Duration ANSWER_DURABLE_TIMEOUT = java.time.Duration.ofSeconds(2);
    /** T1 × 2^4: a BYE's retransmissions over UDP until then find the dialog still there. */
    static final long BYE_LINGER_SECONDS = 8;

    static final long EARLY_MEDIA_REMINDER_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    /** One caller's INVITE while the switchboard handles it. */
    static final class InboundCall {
        final String callId;
        final ServerTransaction server;
        final Request invite;
        final UUID tenantId;
        final AtomicBoolean finalSent = new AtomicBoolean();
        final long arrivedNanos = System.nanoTime();
        volatile AgentLeg leg;
        volatile boolean agentRinging;
        /** our SDP answer while the switchboard's media plays to the caller (early media, issue 19) */
        volatile byte[] earlyMedia;
        /** the caller pressed 1: the place in the queue is kept for a callback, the INVITE ends without ABANDONED */
        volatile boolean callbackRequested;

        volatile long lastProgressNanos;

        volatile ScheduledFuture<?> reminder;

        InboundCall(String callId, ServerTransaction server, Request invite, UUID tenantId) {
            this.callId = callId;
            this.server = server;
            this.invite = invite;
            this.tenantId = tenantId;
        }
    }

    /** The INVITE forwarded to one agent's phone. */
    static final class AgentLeg {
        final InboundCall call;
        final UUID agentId;
        volatile ClientTransaction transaction;
        volatile boolean cancelled;

        AgentLeg(InboundCall call, UUID agentId) {
            this.call = call;
            this.agentId = agentId;
        }
    }

    /** An in-dialog request (REFER, re-INVITE, BYE over TCP …) forwarded statefully. */
    record Relay(ServerTransaction server, String callId, String method, String referTo) {}

    private final SipProvider provider;
    private final SipMessages sip;
    private final Registrar registrar;
    private final Switchboard switchboard;
    private final QueueService queues;
    private final TenantLookup tenants;
    private final SipProperties properties;
    private final ExecutorService signalling;
    private final ScheduledExecutorService timers;
    private final CallEventLog events;
    private final OverloadGuard overload;
    private final Map<String, InboundCall> calls = new ConcurrentHashMap<>();
    private final DialogRegistry dialogs = new DialogRegistry();
    private final CallSupervisor supervisor;
    /** the switchboard's voice (issue 19); null when the media engine is off */
    private final SwitchboardVoice voice;

    private final CallbackDialer callbacks;

    SipProxy(
            SipProvider provider,
            SipMessages sip,
            Registrar registrar,
            Switchboard switchboard,
            QueueService queues,
            TenantLookup tenants,
            SipProperties properties,
            ExecutorService signalling,
            ScheduledExecutorService timers,
            CallEventLog events,
            OverloadGuard overload,
            SwitchboardVoice voice) {
        this.provider = provider;
        this.sip = sip;
        this.registrar = registrar;
        this.switchboard = switchboard;
        this.queues = queues;
        this.tenants = tenants;
        this.properties = properties;
        this.signalling = signalling;
        this.timers = timers;
        this.events = events;
        this.supervisor = new CallSupervisor(provider, sip, switchboard, dialogs, properties, signalling, timers);
        this.overload = overload;
        this.voice = voice;
        this.callbacks = voice == null
                ? null
                : new CallbackDialer(provider, sip, registrar, switchboard, voice, signalling, timers);
    }

    int activeCalls() {
        return calls.size();
    }

    int openDialogs() {
        return dialogs.size();
    }

    // --- requests ------------------------------------------------------------------------------------------

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        MDC.put("callId", callIdOrNone(request));
        try {
            String method = request.getMethod();
            boolean inDialog = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null;
            if (!Request.ACK.equals(method) && malformed(request)) {
                sip.respond(serverTransaction(event), request, Response.BAD_REQUEST, "Fehlerhafte Anfrage");
                return;
            }
            if (refusedAtEdge(event)
                    || (inDialog && (earlyInfo(event) || (callbacks != null && callbacks.inDialog(event))))
                    || (inDialog && refusedInDialog(event))) {
                return;
            }
            switch (method) {
                case Request.REGISTER -> registrar.register(request, serverTransaction(event));
                case Request.ACK -> forwardAck(request);
                case Request.BYE -> {
                    if (inDialog && overUdp(request)) {
                        forwardBye(event);
                    } else if (inDialog) {
                        forwardInDialog(event);
                    } else {
                        sip.respond(serverTransaction(event), request, Response.METHOD_NOT_ALLOWED, null);
                    }
                }
                case Request.CANCEL -> cancel(event);
                case Request.INVITE -> {
                    if (inDialog) {
                        forwardInDialog(event);
                    } else {
                        newCall(event);
                    }
                }
                case Request.OPTIONS -> {
                    if (inDialog) {
                        forwardInDialog(event);
                    } else {
                        sip.respond(serverTransaction(event), request, Response.OK, null);
                    }
                }
                default -> {
                    if (inDialog) {
                        forwardInDialog(event);
                    } else {
                        sip.respond(serverTransaction(event), request, Response.METHOD_NOT_ALLOWED, null);
                    }
                }
            }
        } catch (TransactionAlreadyExistsException e) {
            log.debug("Retransmission absorbed: {}", e.getMessage());
        } catch (Exception e) {
            log.warn("Could not handle {}", request.getMethod(), e);
            try {
                sip.respond(serverTransaction(event), request, Response.SERVER_INTERNAL_ERROR, null);
            } catch (Exception ignored) {
                // nothing more to do: the client will retransmit or time out
            }
        } finally {
            MDC.remove("callId");
        }
    }

    /** {@link RequestValidator}'s refusals; an ACK gets no response (RFC 3261 §17.2.3), so a bad one is dropped. */
    private boolean refusedAtEdge(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        Optional<RequestValidator.Refusal> refusal = RequestValidator.check(request);
        if (refusal.isEmpty()) {
            return false;
        }
        log.debug(
                "{} refused: {} {}",
                request.getMethod(),
                refusal.get().status(),
                refusal.get().reason());
        if (!Request.ACK.equals(request.getMethod())) {
            try {
                sip.respond(
                        serverTransaction(event),
                        request,
                        refusal.get().status(),
                        refusal.get().reason());
            } catch (Exception noTransaction) {
                // the stack builds no transaction for some of what is refused (no Max-Forwards) and has no way back
                // over a transport it does not speak (Via SIP/2.0/FOO): then without transaction, or not at all
                try {
                    provider.sendResponse(sip.response(
                            refusal.get().status(), request, refusal.get().reason()));
                } catch (Exception noWayBack) {
                    log.debug("Refusal of {} not deliverable: {}", request.getMethod(), noWayBack.toString());
                }
            }
        }
        return true;
    }

    /**
     * No open relay (RFC 3261 §16.4, §12.2.2): a request with a To tag is forwarded only along a dialog this proxy
     * created — its own Record-Route on top of Route, Call-ID and both tags of the dialog, sent from one of its two
     * sides to that side's peer. Anything else is answered here (481 for what names this server or a known call,
     * 403 for what would go elsewhere) and reaches nobody. ACK is checked where it is forwarded (it gets no
     * response), CANCEL and REGISTER are not in-dialog requests of ours.
     */
    private boolean refusedInDialog(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        String method = request.getMethod();
        if (Request.ACK.equals(method) || Request.CANCEL.equals(method) || Request.REGISTER.equals(method)) {
            return false;
        }
        Optional<DialogRegistry.Match> match = dialogs.match(request);
        if (match.isEmpty()) {
            boolean forUs = ownRouteOnTop(request) || sip.isOurs(request.getRequestURI());
            log.debug("{} outside a dialog of ours refused", method);
            if (forUs || dialogs.knows(callId(request))) {
                sip.respond(serverTransaction(event), request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            } else {
                sip.respond(serverTransaction(event), request, Response.FORBIDDEN, "Keine Weiterleitung");
            }
            return true;
        }
        DialogRegistry.Dialog dialog = match.get().dialog();
        URI expected = dialog.targetFor(match.get().side());
        if (!ownRouteOnTop(request) || (expected != null && !expected.equals(request.getRequestURI()))) {
            log.debug("{} in dialog, but not along its route set or target, refused", method);
            sip.respond(serverTransaction(event), request, Response.FORBIDDEN, "Keine Weiterleitung");
            return true;
        }
        dialog.passed(match.get().side(), request);
        if (Request.INVITE.equals(method) || Request.UPDATE.equals(method)) {
            supervisor.refreshed(dialog);
        }
        return false;
    }

    private boolean ownRouteOnTop(Request request) {
        RouteHeader first = (RouteHeader) request.getHeader(RouteHeader.NAME);
        return first != null && sip.isOurs(first.getAddress().getURI());
    }

    private static String callIdOrNone(Request request) {
        CallIdHeader header = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        return header == null ? "-" : header.getCallId();
    }

    /**
     * The stack skips header lines it cannot parse and tolerates a Content-Length that does not match the body;
     * RFC 3261 §18.3 and §21.4.1 say such a request is answered 400, and a call built from it must not take a
     * queue slot.
     */
    private static boolean malformed(Request request) {
        if (request.getUnrecognizedHeaders() != null
                && request.getUnrecognizedHeaders().hasNext()) {
            return true;
        }
        javax.sip.header.ContentLengthHeader length = request.getContentLength();
        byte[] body = request.getRawContent();
        int actual = body == null ? 0 : body.length;
        return length != null && length.getContentLength() != actual;
    }

    private ServerTransaction serverTransaction(RequestEvent event) throws Exception {
        ServerTransaction transaction = event.getServerTransaction();
        return transaction != null ? transaction : provider.getNewServerTransaction(event.getRequest());
    }

    private void newCall(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        if (event.getServerTransaction() == null && !overload.admit(request, calls.size())) {
            return; // a retransmission answered, or refused with 503 while saturated (OverloadGuard)
        }
        if (event.getServerTransaction() == null
                && !calls.containsKey(callId(request))
                && switchboard.isActive(callId(request))) {
            // the INVITE of a call already answered (its transaction is gone once the 2xx is sent): a late
            // retransmission, absorbed as in RFC 6026's Accepted state — no new call, no 482, and no server
            // transaction that would never see a final response
            log.debug("INVITE retransmission for answered call {} absorbed", callId(request));
            return;
        }
        ServerTransaction server = serverTransaction(event);
        if (tooManyHops(request, server)) {
            return;
        }
        String callId = callId(request);
        Optional<TenantInfo> tenant = tenantDialled(request);
        if (tenant.isEmpty() || queues.isDeleted(tenant.get().id())) {
            sip.respond(server, request, Response.NOT_FOUND, "Rufnummer nicht vergeben");
            return;
        }
        QueueSettings queue = queues.forTenant(tenant.get());
        OpeningStatus status = tenants.openingStatus(tenant.get().id());
        if (!status.open()) {
            rejectClosed(request, server, tenant.get(), queue, status);
            return;
        }
        InboundCall call = new InboundCall(callId, server, request, tenant.get().id());
        if (calls.putIfAbsent(callId, call) != null) {
            sip.respond(server, request, Response.LOOP_DETECTED, null);
            return;
        }
        startEarlyMedia(call, tenant.get());
        try {
            switchboard.offer(callId, queue.id(), CallerNumbers.of(request));
        } catch (RoutingException e) {
            calls.remove(callId);
            stopMedia(callId);
            sip.respond(server, request, Response.LOOP_DETECTED, null);
            return;
        }
        long interval = properties.queuedInterval().toMillis();
        call.reminder = timers.scheduleAtFixedRate(
                () -> signalling.execute(() -> remind(call)), interval, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * Issue 19, early media (RFC 3960): the caller's offer is answered in a 183 Session Progress with the SDP of the
     * switchboard's media engine, which then plays greeting, position and hold music; the agent's 200 later carries
     * the agent's own SDP in another early dialog's final answer, and the caller's phone switches its audio to the
     * agent (tried with baresip and linphone). The call is never answered by the switchboard itself, so the wait
     * stays measured from the INVITE to the agent's answer.
     */
    private void startEarlyMedia(InboundCall call, TenantInfo tenant) {
        if (voice == null || !voice.announces(tenant.id())) {
            return;
        }
        voice.queued(
                        call.callId,
                        call.invite.getRawContent(),
                        tenant,
                        () -> switchboard.position(call.callId),
                        digit -> signalling.execute(() -> digit(call, digit)))
                .ifPresent(sdp -> {
                    call.earlyMedia = sdp;
                    call.lastProgressNanos = System.nanoTime();
                    signalling.execute(() -> sendSessionProgress(call, "Willkommen"));
                });
    }

    private void sendSessionProgress(InboundCall call, String reason) {
        if (call.finalSent.get()) {
            return;
        }
        try {
            Response progress = sip.response(Response.SESSION_PROGRESS, call.invite, reason);
            progress.addHeader(sip.headers().createContactHeader(sip.addresses().createAddress(sip.routeUri())));
            progress.setContent(call.earlyMedia, sip.headers().createContentTypeHeader("application", "sdp"));
            call.server.sendResponse(progress);
        } catch (Exception e) {
            log.debug("183 for {} not sent: {}", call.callId, e.toString());
        }
    }

    /** A key the caller pressed (RFC 4733 in the early media, or SIP INFO): 1 asks for a callback. */
    private void digit(InboundCall call, char digit) {
        MDC.put("callId", call.callId);
        try {
            log.debug("DTMF {} from the caller", digit);
            if (digit != '1'
                    || call.callbackRequested
                    || call.finalSent.get()
                    || callbacks == null
                    || !callbacks.offered()) {
                return;
            }
            String number = CallerNumbers.of(call.invite);
            if (number == null || !switchboard.requestCallback(call.callId, number)) {
                voice.callbackRefused(call.callId);
                return;
            }
            call.callbackRequested = true;
            voice.callbackConfirmed(call.callId, () -> signalling.execute(() -> endForCallback(call)));
        } finally {
            MDC.remove("callId");
        }
    }

    /** The confirmation was played: the caller's INVITE ends (480), the place in the queue stays for the callback. */
    private void endForCallback(InboundCall call) {
        if (call.finalSent.compareAndSet(false, true)) {
            try {
                sip.respond(call.server, call.invite, Response.TEMPORARILY_UNAVAILABLE, "Rückruf vorgemerkt");
            } catch (Exception e) {
                log.debug("480 after callback request for {} not sent: {}", call.callId, e.toString());
            }
            finish(call);
        }
    }

    /**
     * SIP INFO in the early dialog of our 183 ({@code application/dtmf-relay}, the fallback of phones that do not
     * send RFC 4733 events): answered 200 here and read as a key press. Other requests of that early dialog are not
     * ours to take (the caller's next request goes to the agent's dialog once answered).
     */
    private boolean earlyInfo(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        if (!Request.INFO.equals(request.getMethod())) {
            return false;
        }
        InboundCall call = calls.get(callId(request));
        String tag = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
        if (call == null
                || call.earlyMedia == null
                || !SipMessages.tagFor(call.invite).equals(tag)) {
            return false;
        }
        javax.sip.header.ContentTypeHeader type =
                (javax.sip.header.ContentTypeHeader) request.getHeader(javax.sip.header.ContentTypeHeader.NAME);
        byte[] body = request.getRawContent();
        Optional<Character> digit = type == null
                ? Optional.empty()
                : TelephoneEvent.fromInfo(
                        type.getContentSubType(),
                        body == null ? null : new String(body, java.nio.charset.StandardCharsets.UTF_8));
        if (digit.isEmpty()) {
            sip.respond(serverTransaction(event), request, Response.UNSUPPORTED_MEDIA_TYPE, "Nur DTMF");
            return true;
        }
        sip.respond(serverTransaction(event), request, Response.OK, null);
        signalling.execute(() -> digit(call, digit.get()));
        return true;
    }

    private void stopMedia(String callId) {
        if (voice != null) {
            voice.stop(callId);
        }
    }

    private Optional<TenantInfo> tenantDialled(Request request) {
        String dialled = Registrar.userOf(request.getRequestURI());
        Optional<TenantInfo> tenant = dialled == null ? Optional.empty() : tenants.byNumber(dialled);
        if (tenant.isEmpty()) {
            String to = Registrar.userOf(
                    ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI());
            tenant = to == null ? Optional.empty() : tenants.byNumber(to);
        }
        return tenant;
    }

    private void rejectClosed(
            Request request, ServerTransaction server, TenantInfo tenant, QueueSettings queue, OpeningStatus status)
            throws Exception {
        String reason = status.holiday() != null
                ? "Feiertag (" + status.holiday() + "), geschlossen"
                : status.note() != null ? status.note() : CLOSED_REASON;
        boolean redirect = queue.closedAction() == QueueSettings.ClosedAction.REDIRECT;
        switchboard.rejectClosed(
                callId(request),
                tenant.id(),
                (redirect ? "redirect=" + queue.redirectTarget() : "480") + "; " + reason);
        if (voice != null && voice.announces(tenant.id()) && announceClosed(request, server, tenant, queue, reason)) {
            return;
        }
        sendClosed(request, server, queue, reason);
    }

    /**
     * Issue 19: outside opening hours the caller first hears when the municipality is open again (early media), and
     * only then the final answer of the closed rule (480, or 302 to the on-call number) — on an ordinary line a bare
     * 480 is just a busy tone. The caller may hang up meanwhile (CANCEL: 487 as for any call).
     */
    private boolean announceClosed(
            Request request, ServerTransaction server, TenantInfo tenant, QueueSettings queue, String reason) {
        String callId = callId(request);
        InboundCall call = new InboundCall(callId, server, request, tenant.id());
        if (calls.putIfAbsent(callId, call) != null) {
            return false;
        }
        Optional<byte[]> sdp = voice.closed(
                callId,
                request.getRawContent(),
                tenant,
                () -> signalling.execute(() -> {
                    if (call.finalSent.compareAndSet(false, true)) {
                        try {
                            sendClosed(request, server, queue, reason);
                        } catch (Exception e) {
                            log.debug("Closed answer for {} not sent: {}", callId, e.toString());
                        }
                        finish(call);
                    }
                }));
        if (sdp.isEmpty()) {
            calls.remove(callId, call);
            return false;
        }
        call.earlyMedia = sdp.get();
        signalling.execute(() -> sendSessionProgress(call, reason));
        return true;
    }

    private void sendClosed(Request request, ServerTransaction server, QueueSettings queue, String reason)
            throws Exception {
        boolean redirect = queue.closedAction() == QueueSettings.ClosedAction.REDIRECT;
        if (redirect) {
            Response response = sip.response(Response.MOVED_TEMPORARILY, request, "Umgeleitet: " + reason);
            response.addHeader(sip.headers()
                    .createContactHeader(sip.addresses().createAddress(redirectUri(queue.redirectTarget()))));
            server.sendResponse(response);
        } else {
            sip.respond(server, request, Response.TEMPORARILY_UNAVAILABLE, reason);
        }
    }

    private URI redirectUri(String target) throws Exception {
        if (target.contains(":")) {
            return sip.addresses().createURI(target);
        }
        javax.sip.address.TelURL tel = sip.addresses().createTelURL(target.replaceFirst("^\\+", ""));
        tel.setGlobal(target.startsWith("+"));
        return tel;
    }

    private boolean tooManyHops(Request request, ServerTransaction server) throws Exception {
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        if (maxForwards != null && maxForwards.getMaxForwards() <= 0) {
            sip.respond(server, request, Response.TOO_MANY_HOPS, null);
            return true;
        }
        return false;
    }

    /** The caller hung up before an answer: 200 for the CANCEL, 487 for the INVITE, ABANDONED. */
    private void cancel(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        ServerTransaction cancel = serverTransaction(event);
        InboundCall call = calls.get(callId(request));
        if (call == null || !cancels(request, call.invite)) {
            sip.respond(cancel, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            return;
        }
        sip.respond(cancel, request, Response.OK, null);
        if (call.finalSent.compareAndSet(false, true)) {
            // recorded before the caller hears 487; stops a ringing phone via cancelRing, so finish afterwards
            if (!call.callbackRequested) {
                switchboard.abandon(call.callId); // a callback keeps its place though the caller hung up
            }
            sip.respond(call.server, call.invite, Response.REQUEST_TERMINATED, null);
            finish(call);
        }
    }

    /** RFC 3261 §9.2: a CANCEL matches the INVITE's transaction (top Via branch) and comes from its caller. */
    private static boolean cancels(Request cancel, Request invite) {
        String branch = ((ViaHeader) cancel.getHeader(ViaHeader.NAME)).getBranch();
        String fromTag = ((javax.sip.header.FromHeader) cancel.getHeader(javax.sip.header.FromHeader.NAME)).getTag();
        return branch != null
                && branch.equals(((ViaHeader) invite.getHeader(ViaHeader.NAME)).getBranch())
                && java.util.Objects.equals(
                        fromTag,
                        ((javax.sip.header.FromHeader) invite.getHeader(javax.sip.header.FromHeader.NAME)).getTag());
    }

    private void finish(InboundCall call) {
        calls.remove(call.callId, call);
        stopMedia(call.callId);
        ScheduledFuture<?> reminder = call.reminder;
        if (reminder != null) {
            reminder.cancel(false);
        }
    }

    /** ACK for a 2xx is end-to-end: forwarded statelessly along the route. */
    private void forwardAck(Request request) throws Exception {
        if (!ownRouteOnTop(request) && sip.isOurs(request.getRequestURI())) {
            return; // ACK of a final response sent here; the transaction layer has it
        }
        if (!ackInDialog(request)) {
            return;
        }
        Request ack = (Request) request.clone(); // copied only once it goes on
        popOwnRoute(ack);
        forwardStateless(request, ack, ":ack");
    }

    /** An ACK goes on only within a dialog of ours, to the peer; the caller's first ACK confirms the call. */
    private boolean ackInDialog(Request request) {
        Optional<DialogRegistry.Match> match = dialogs.match(request);
        if (match.isEmpty()
                || !ownRouteOnTop(request)
                || !java.util.Objects.equals(
                        match.get().dialog().targetFor(match.get().side()), request.getRequestURI())) {
            log.debug("ACK outside a dialog of ours dropped");
            return false;
        }
        if (match.get().side() == DialogRegistry.Side.CALLER) {
            supervisor.acknowledged(match.get().dialog());
        }
        return true;
    }

    /**
     * A BYE of the dialog passed: supervision stops, but the dialog is kept {@value #BYE_LINGER_SECONDS} s more, so a
     * retransmitted BYE (its 200 lost or late, RFC 3261 §17.1.2.2) still matches and passes like the first one.
     */
    private void byeSeen(String callId) {
        dialogs.get(callId).ifPresent(dialog -> {
            dialog.closing = true;
            dialog.cancelTimers();
            timers.schedule(() -> dialogs.remove(dialog), BYE_LINGER_SECONDS, TimeUnit.SECONDS);
        });
    }

    private static boolean overUdp(Request request) {
        return "UDP".equalsIgnoreCase(((ViaHeader) request.getHeader(ViaHeader.NAME)).getTransport());
    }

    /**
     * BYE over UDP is forwarded statelessly (RFC 3261 §16.11): a stateful relay kept a server and a client transaction
     * per call for Timer J (32 s over UDP), the largest part of what the server held per call at 300 calls/s and what
     * every young collection had to copy. Nothing here needs the BYE's outcome: ENDED is recorded before forwarding, a
     * retransmitted BYE is forwarded again with the same branch (the phone's transaction answers it again) and ENDED is
     * recorded once (the switchboard forgets the call), and the 200 returns along the Via path
     * ({@link #processResponse} without a client transaction). Over TCP the stack keeps nothing after the final
     * response anyway (Timer J is 0), and the stateful relay answers on the caller's own connection (§18.2.2).
     */
    private void forwardBye(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        Request bye = (Request) request.clone();
        if (!popOwnRoute(bye) && sip.isOurs(bye.getRequestURI())) {
            sip.respond(serverTransaction(event), request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            return;
        }
        byeSeen(callId(request));
        switchboard.ended(callId(request)); // before forwarding: ENDED is recorded before the other side hears of it
        forwardStateless(request, bye, ":bye");
    }

    /**
     * Sends {@code forward} (a copy of {@code received}, own Route already removed) on without a transaction. The
     * branch is derived from the received one, so a retransmission leaves with the same branch and the next hop
     * recognises it as such (RFC 3261 §16.11).
     */
    private void forwardStateless(Request received, Request forward, String salt) throws Exception {
        decrementMaxForwards(forward);
        ViaHeader top = (ViaHeader) received.getHeader(ViaHeader.NAME);
        ViaHeader via = sip.via(top.getTransport());
        via.setBranch("z9hG4bK" + Digest.md5Hex(top.getBranch() + salt).substring(0, 16));
        forward.addFirst(via);
        provider.sendRequest(forward);
    }

    /** REFER, re-INVITE, BYE over TCP … of an established call: forwarded statefully. */
    private void forwardInDialog(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        ServerTransaction server = serverTransaction(event);
        Request forward = (Request) request.clone();
        if (!popOwnRoute(forward) && sip.isOurs(forward.getRequestURI())) {
            sip.respond(server, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            return;
        }
        decrementMaxForwards(forward);
        forward.addFirst(sip.via(((ViaHeader) request.getHeader(ViaHeader.NAME)).getTransport()));
        String callId = callId(request);
        if (Request.BYE.equals(request.getMethod())) {
            byeSeen(callId);
            switchboard.ended(callId); // before forwarding: ENDED is recorded before the other side hears of it
        }
        String referTo = null;
        if (Request.REFER.equals(request.getMethod())) {
            var header = request.getHeader("Refer-To");
            referTo = header == null
                    ? "?"
                    : header.toString().substring("Refer-To:".length()).strip();
        }
        ClientTransaction client = provider.getNewClientTransaction(forward);
        client.setApplicationData(new Relay(server, callId, request.getMethod(), referTo));
        client.sendRequest();
    }

    private boolean popOwnRoute(Request request) {
        ListIterator<?> routes = request.getHeaders(RouteHeader.NAME);
        if (routes.hasNext()) {
            RouteHeader first = (RouteHeader) routes.next();
            if (sip.isOurs(first.getAddress().getURI())) {
                request.removeFirst(RouteHeader.NAME);
                return true;
            }
        }
        return false;
    }

    private static void decrementMaxForwards(Request request) throws Exception {
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        if (maxForwards != null) {
            maxForwards.decrementMaxForwards();
        }
    }

    // --- the core's instructions ---------------------------------------------------------------------------

    @Override
    public void queued(String callId, int position) {
        InboundCall call = calls.get(callId);
        if (call != null) {
            signalling.execute(() -> sendQueued(call, position));
        }
    }

    @Override
    public void ringForCallback(String callId, UUID agentId, String number) {
        InboundCall call = calls.get(callId);
        if (call != null && !call.finalSent.get()) {
            ring(callId, agentId); // the caller still hears the confirmation: the agent takes the call as it is
        } else if (callbacks != null) {
            callbacks.ringAgent(callId, agentId, number);
        } else {
            switchboard.ringFailed(callId, agentId, "kein Rückruf möglich");
        }
    }

    @Override
    public void ring(String callId, UUID agentId) {
        InboundCall call = calls.get(callId);
        if (call != null) {
            AgentLeg leg = new AgentLeg(call, agentId);
            call.leg = leg;
            signalling.execute(() -> forwardToAgent(leg));
        }
    }

    @Override
    public void cancelRing(String callId, UUID agentId) {
        if (callbacks != null && callbacks.cancelAgent(callId, agentId)) {
            return;
        }
        InboundCall call = calls.get(callId);
        AgentLeg leg = call == null ? null : call.leg;
        if (leg == null && call == null) {
            return;
        }
        signalling.execute(() -> cancelLeg(leg, agentId));
    }

    @Override
    public void dropped(String callId) {
        InboundCall call = calls.get(callId);
        if (call != null) {
            signalling.execute(() -> gone(call));
        }
    }

    /** The municipality was deleted while its caller waited: 410, the number is no longer served here. */
    private void gone(InboundCall call) {
        if (call.finalSent.compareAndSet(false, true)) {
            try {
                sip.respond(call.server, call.invite, Response.GONE, "Rufnummer nicht mehr vergeben");
            } catch (Exception e) {
                log.debug("410 for {} not sent: {}", call.callId, e.toString());
            }
            finish(call);
        }
    }

    private void remind(InboundCall call) {
        if (call.finalSent.get() || call.agentRinging) {
            return;
        }
        if (System.nanoTime() - call.arrivedNanos > properties.maxQueueWait().toNanos()) {
            giveUp(call);
            return;
        }
        switchboard.position(call.callId).ifPresent(position -> sendQueued(call, position));
    }

    /**
     * Over UDP a caller that vanished without CANCEL is never heard of again; after the longest wait allowed the
     * call is ended (480) so it cannot hold a queue slot for ever.
     */
    private void giveUp(InboundCall call) {
        if (call.callbackRequested) {
            endForCallback(call);
            return;
        }
        if (call.finalSent.compareAndSet(false, true)) {
            try {
                sip.respond(call.server, call.invite, Response.TEMPORARILY_UNAVAILABLE, "Wartezeit überschritten");
            } catch (Exception e) {
                log.debug("480 for {} not sent: {}", call.callId, e.toString());
            }
            switchboard.abandon(call.callId);
            finish(call);
        }
    }

    private void sendQueued(InboundCall call, int position) {
        if (call.finalSent.get()) {
            return;
        }
        if (call.earlyMedia != null) {
            // while the switchboard's audio plays, a 182 without SDP would make phones drop it (baresip restarts
            // its audio and plays its own ringback): the position goes out as 183 with the same SDP, and no more
            // often than every 30 s — enough for Timer C of proxies on the way (RFC 3261 §16.8), and each 183 makes
            // some phones restart their audio for a moment
            long now = System.nanoTime();
            if (now - call.lastProgressNanos < EARLY_MEDIA_REMINDER_NANOS) {
                return;
            }
            call.lastProgressNanos = now;
            sendSessionProgress(call, "In Warteschlange, Position " + position);
            return;
        }
        try {
            call.server.sendResponse(
                    sip.response(Response.QUEUED, call.invite, "In Warteschlange, Position " + position));
        } catch (Exception e) {
            log.debug("182 for {} not sent: {}", call.callId, e.toString());
            if (!overUdp(call.invite)) {
                giveUp(call); // the caller's connection is gone and cannot be made again: nobody hears the answer
            }
        }
    }

    private void forwardToAgent(AgentLeg leg) {
        InboundCall call = leg.call;
        Optional<Registrar.Binding> binding = registrar.bindingOf(leg.agentId);
        if (binding.isEmpty() || call.finalSent.get()) {
            switchboard.ringFailed(call.callId, leg.agentId, "kein Telefon registriert");
            return;
        }
        try {
            Request forward = (Request) call.invite.clone();
            forward.setRequestURI((URI) binding.get().contact().clone());
            popOwnRoute(forward);
            decrementMaxForwards(forward);
            forward.addFirst(
                    sip.headers().createRecordRouteHeader(sip.addresses().createAddress(sip.routeUri())));
            forward.addFirst(sip.via(binding.get().transport()));
            ClientTransaction client = provider.getNewClientTransaction(forward);
            client.setApplicationData(leg);
            leg.transaction = client;
            client.sendRequest();
        } catch (Exception e) {
            MDC.put("callId", call.callId);
            log.warn("Could not ring agent {} for {}", leg.agentId, call.callId, e);
            MDC.remove("callId");
            switchboard.ringFailed(call.callId, leg.agentId, "Senden fehlgeschlagen");
        }
    }

    private void cancelLeg(AgentLeg leg, UUID agentId) {
        if (leg == null || !leg.agentId.equals(agentId) || leg.cancelled || leg.transaction == null) {
            return;
        }
        leg.cancelled = true;
        leg.call.agentRinging = false;
        try {
            ClientTransaction cancel = provider.getNewClientTransaction(leg.transaction.createCancel());
            cancel.sendRequest();
        } catch (Exception e) {
            log.debug("CANCEL to agent {} not sent: {}", agentId, e.toString());
        }
    }

    // --- responses -----------------------------------------------------------------------------------------

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        ClientTransaction client = event.getClientTransaction();
        CallIdHeader responseCallId = (CallIdHeader) response.getHeader(CallIdHeader.NAME);
        MDC.put("callId", responseCallId == null ? "-" : responseCallId.getCallId());
        Object data = client == null ? null : client.getApplicationData();
        try {
            if (data instanceof CallSupervisor.SupervisionBye) {
                return; // the call is already ended
            } else if (data instanceof AgentLeg leg) {
                agentResponse(leg, response);
            } else if (data instanceof CallbackDialer.Leg leg) {
                callbacks.response(leg, response);
            } else if (data instanceof Relay relay) {
                if (Request.REFER.equals(relay.method()) && response.getStatusCode() / 100 == 2) {
                    switchboard.transferred(relay.callId(), relay.referTo()); // recorded before relayed
                }
                relay.server().sendResponse(withoutOwnVia(response));
            } else if (client == null) {
                relayStateless(response);
            }
        } catch (Exception e) {
            log.warn(
                    "Could not relay {} {}",
                    response.getStatusCode(),
                    ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod(),
                    e);
            if (data instanceof AgentLeg leg && response.getStatusCode() / 100 == 2) {
                // the answer cannot reach the caller: end the call now rather than after the ACK timeout
                dialogs.get(leg.call.callId).ifPresent(d -> supervisor.end(d, CallSupervisor.CALLER_UNREACHABLE));
            }
        } finally {
            MDC.remove("callId");
        }
    }

    private void agentResponse(AgentLeg leg, Response response) throws Exception {
        InboundCall call = leg.call;
        int status = response.getStatusCode();
        if (status == Response.TRYING) {
            return;
        }
        if (status < 200) {
            if (!leg.cancelled && !call.finalSent.get()) {
                call.agentRinging = true;
                call.server.sendResponse(withoutOwnVia(response));
            }
        } else if (status < 300) {
            if (relayedRetransmission(leg, response)) {
                return;
            }
            if (!leg.cancelled && switchboard.answered(call.callId, leg.agentId)) {
                if (call.finalSent.compareAndSet(false, true)) {
                    finish(call);
                    watchDialog(leg, response);
                    relayAnswerWhenDurable(call, withoutOwnVia(response));
                    return;
                }
                switchboard.ended(call.callId);
            }
            hangUpLateAnswer(response);
        } else if (!leg.cancelled) {
            switchboard.ringFailed(call.callId, leg.agentId, status + " " + response.getReasonPhrase());
        }
    }

    /**
     * Issue 11, crash durability: the caller hears the answer only once ANSWERED (recorded by
     * {@code switchboard.answered} just before) is in the database, so no call a caller saw answered can be missing
     * from the log after a crash. The call-event writer commits in groups every few milliseconds and releases the
     * waiting answers; the 200 then goes out on the signalling thread. Should the database hang, the answer goes out
     * after {@link #ANSWER_DURABLE_TIMEOUT} anyway (the event stays queued): callers are not left unanswered for the
     * sake of the report.
     */
    private void relayAnswerWhenDurable(InboundCall call, Response ok) {
        events.durable()
                .orTimeout(ANSWER_DURABLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .whenCompleteAsync(
                        (done, failure) -> {
                            if (failure != null) {
                                log.warn("ANSWERED of {} not durable in time, relaying the 200 anyway", call.callId);
                            }
                            try {
                                call.server.sendResponse(ok);
                            } catch (Exception e) {
                                log.warn("Could not relay 200 for {}: {}", call.callId, e.toString());
                            }
                        },
                        signalling);
    }

    /**
     * RFC 3261 §16.7 step 5 and RFC 6026: the agent's phone repeats its 200 until the caller's ACK arrives; a repeat
     * of the answer that set up our dialog is relayed to the caller (whose ACK may be late or lost), never taken for
     * a late answer and hung up.
     */
    private boolean relayedRetransmission(AgentLeg leg, Response response) throws Exception {
        if (!leg.call.finalSent.get()) {
            return false;
        }
        Optional<DialogRegistry.Dialog> dialog = dialogs.get(leg.call.callId);
        String tag = ((ToHeader) response.getHeader(ToHeader.NAME)).getTag();
        if (dialog.isEmpty()
                || !dialog.get().agentId.equals(leg.agentId)
                || !dialog.get().agentTag.equals(tag)) {
            return false;
        }
        relayStateless(response);
        return true;
    }

    /** The answer goes to the caller: from now on the call is a dialog of ours, supervised until it ends. */
    private void watchDialog(AgentLeg leg, Response ok) {
        String transport = registrar
                .bindingOf(leg.agentId)
                .map(Registrar.Binding::transport)
                .orElse("udp");
        DialogRegistry.Dialog dialog = new DialogRegistry.Dialog(leg.call.invite, ok, leg.agentId, transport);
        dialogs.add(dialog);
        supervisor.watch(dialog);
    }

    /** The agent answered after the call went elsewhere (caller gone, ring timeout): ACK and BYE that phone. */
    private void hangUpLateAnswer(Response ok) throws Exception {
        ContactHeader contact = (ContactHeader) ok.getHeader(ContactHeader.NAME);
        if (contact == null) {
            return;
        }
        Request ack = lateRequest(ok, contact, Request.ACK);
        provider.sendRequest(ack);
        Request bye = lateRequest(ok, contact, Request.BYE);
        provider.getNewClientTransaction(bye).sendRequest();
    }

    private Request lateRequest(Response ok, ContactHeader contact, String method) throws Exception {
        CSeqHeader cseq = (CSeqHeader) ok.getHeader(CSeqHeader.NAME);
        long number = Request.ACK.equals(method) ? cseq.getSeqNumber() : cseq.getSeqNumber() + 1;
        javax.sip.header.FromHeader from = (javax.sip.header.FromHeader) ok.getHeader(javax.sip.header.FromHeader.NAME);
        ToHeader to = (ToHeader) ok.getHeader(ToHeader.NAME);
        ViaHeader via = sip.via(((ViaHeader) ok.getHeader(ViaHeader.NAME)).getTransport());
        if (Request.ACK.equals(method)) {
            via.setBranch("z9hG4bK" + Digest.md5Hex(to.getTag() + ":lateack").substring(0, 16));
        }
        Request request = sip.messageFactory()
                .createRequest(
                        (URI) contact.getAddress().getURI().clone(),
                        method,
                        (CallIdHeader) ok.getHeader(CallIdHeader.NAME),
                        sip.headers().createCSeqHeader(number, method),
                        from,
                        to,
                        java.util.List.of(via),
                        sip.headers().createMaxForwardsHeader(70));
        return request;
    }

    /**
     * A response of a request forwarded statelessly (BYE) or a 2xx retransmitted by the callee: along the Via. Only
     * within a dialog of ours: a made-up response with our Via on top and somebody else's below would otherwise be
     * sent on to whoever that Via names (no relay for strangers, responses included).
     */
    private void relayStateless(Response response) throws Exception {
        CallIdHeader callId = (CallIdHeader) response.getHeader(CallIdHeader.NAME);
        if (callId == null || !dialogs.knows(callId.getCallId())) {
            log.debug("Response {} outside a dialog of ours dropped", response.getStatusCode());
            return;
        }
        Response forward = withoutOwnVia(response);
        if (forward.getHeader(ViaHeader.NAME) != null) {
            provider.sendResponse(forward);
        }
    }

    private Response withoutOwnVia(Response response) {
        Response forward = (Response) response.clone();
        forward.removeFirst(ViaHeader.NAME);
        return forward;
    }

    // --- failures ------------------------------------------------------------------------------------------

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (!event.isServerTransaction()
                && event.getClientTransaction().getApplicationData() instanceof CallbackDialer.Leg leg) {
            callbacks.timeout(leg);
            return;
        }
        if (!event.isServerTransaction()
                && event.getClientTransaction().getApplicationData() instanceof AgentLeg leg
                && !leg.cancelled) {
            switchboard.ringFailed(leg.call.callId, leg.agentId, "Zeitüberschreitung");
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        log.debug("SIP I/O problem with {}:{} ({})", event.getHost(), event.getPort(), event.getTransport());
        if ("UDP".equalsIgnoreCase(event.getTransport())) {
            return; // over UDP nothing says the caller is gone: the ACK timeout and the longest duration do
        }
        for (DialogRegistry.Dialog dialog : dialogs.all()) {
            if (dialog.callerHost.equals(event.getHost()) && dialog.callerPort == event.getPort()) {
                signalling.execute(() -> supervisor.end(dialog, CallSupervisor.CALLER_UNREACHABLE));
            }
        }
        for (InboundCall call : calls.values()) {
            ViaHeader via = (ViaHeader) call.invite.getHeader(ViaHeader.NAME);
            int port = via.getPort() > 0 ? via.getPort() : 5060;
            if (event.getHost().equals(via.getHost()) && event.getPort() == port) {
                signalling.execute(() -> giveUp(call));
            }
        }
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing kept per transaction beyond the call, which ends by its own messages
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // dialogs are not tracked (proxy)
    }

    private static String callId(Request request) {
        return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    }
}
