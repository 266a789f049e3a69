package de.buergerservice.telephony.internal.sip;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.buergerservice.telephony.internal.Digest;
import de.buergerservice.telephony.internal.media.SwitchboardVoice;
import de.buergerservice.telephony.internal.routing.Switchboard;

/**
 * Issue 19, the callback that kept the caller's place: when the routing core gives such a call to an agent, the
 * switchboard acts as a back-to-back user agent — it calls the agent's phone first (From "Rückruf …" with the
 * citizen's number), tells the agent whom it calls, then calls the citizen through the configured trunk/gateway
 * ({@code buergerservice.telephony.media.callback-gateway}), and bridges the two legs' audio in its media engine.
 * Calling the agent first means the citizen never picks up to nobody. The routing core records it like any call
 * (AGENT_RINGING, CALLBACK_ATTEMPT, ANSWERED with {@code callback}, ENDED); a citizen not reached is
 * CALLBACK_FAILED and tried again after {@link #RETRY_AFTER}, up to the configured attempts, then
 * CALLBACK_ABANDONED.
 */
final class CallbackDialer {

    private static final Logger log = LoggerFactory.getLogger(CallbackDialer.class);
    static final Duration RETRY_AFTER = Duration.ofSeconds(60);

    enum Role {
        AGENT,
        CITIZEN
    }

    /** One INVITE we placed, and the dialog it set up. */
    static final class Leg {
        final Callback callback;
        final Role role;
        final String sipCallId;
        final String fromTag = Long.toHexString(ThreadLocalRandom.current().nextLong());
        final AtomicLong cseq = new AtomicLong(1);
        final SwitchboardVoice.OutboundMedia media;
        volatile ClientTransaction invite;
        volatile Response ok;
        volatile boolean over;
        volatile ScheduledFuture<?> timeout;

        Leg(Callback callback, Role role, String sipCallId, SwitchboardVoice.OutboundMedia media) {
            this.callback = callback;
            this.role = role;
            this.sipCallId = sipCallId;
            this.media = media;
        }
    }

    /** The switchboard's call (its id in the routing core) being called back. */
    static final class Callback {
        final String callId;
        final UUID agentId;
        final String number;
        volatile Leg agent;
        volatile Leg citizen;
        volatile boolean connected;

        Callback(String callId, UUID agentId, String number) {
            this.callId = callId;
            this.agentId = agentId;
            this.number = number;
        }
    }

    private final SipProvider provider;
    private final SipMessages sip;
    private final Registrar registrar;
    private final Switchboard switchboard;
    private final SwitchboardVoice voice;
    private final ExecutorService signalling;
    private final ScheduledExecutorService timers;
    private final Map<String, Leg> legs = new ConcurrentHashMap<>();
    private final Map<String, Callback> byCall = new ConcurrentHashMap<>();

    CallbackDialer(
            SipProvider provider,
            SipMessages sip,
            Registrar registrar,
            Switchboard switchboard,
            SwitchboardVoice voice,
            ExecutorService signalling,
            ScheduledExecutorService timers) {
        this.provider = provider;
        this.sip = sip;
        this.registrar = registrar;
        this.switchboard = switchboard;
        this.voice = voice;
        this.signalling = signalling;
        this.timers = timers;
    }

    boolean offered() {
        return !voice.callbackGateway().isEmpty();
    }

    int activeLegs() {
        return legs.size();
    }

    /** Called by the core under its lock: the work goes to the signalling thread. */
    void ringAgent(String callId, UUID agentId, String number) {
        Callback callback = new Callback(callId, agentId, number);
        byCall.put(callId, callback);
        signalling.execute(() -> dialAgent(callback));
    }

    private void dialAgent(Callback callback) {
        Optional<Registrar.Binding> binding = registrar.bindingOf(callback.agentId);
        Optional<SwitchboardVoice.OutboundMedia> media = voice.outbound();
        if (binding.isEmpty() || media.isEmpty()) {
            media.ifPresent(SwitchboardVoice.OutboundMedia::close);
            byCall.remove(callback.callId, callback);
            switchboard.ringFailed(callback.callId, callback.agentId, "Rückruf: kein Telefon oder kein RTP-Port");
            return;
        }
        try {
            Leg leg = new Leg(callback, Role.AGENT, callback.callId + "-agent", media.get());
            callback.agent = leg;
            send(leg, (URI) binding.get().contact().clone(), binding.get().transport(), "Rückruf " + callback.number);
        } catch (Exception e) {
            log.warn("Callback {}: agent not called", callback.callId, e);
            end(callback);
            switchboard.ringFailed(callback.callId, callback.agentId, "Rückruf: Senden fehlgeschlagen");
        }
    }

    private void dialCitizen(Callback callback) {
        Optional<SwitchboardVoice.OutboundMedia> media = voice.outbound();
        if (media.isEmpty()) {
            fail(callback, "kein RTP-Port");
            return;
        }
        Leg leg = new Leg(callback, Role.CITIZEN, callback.callId + "-citizen-" + System.nanoTime(), media.get());
        callback.citizen = leg;
        try {
            SipURI target = gatewayUri(callback.number);
            send(leg, target, target.getTransportParam(), "Bürgerservice");
            long ring = voice.properties().callbackRingTimeout().toMillis();
            leg.timeout = timers.schedule(
                    () -> signalling.execute(() -> citizenNotReached(leg, "keine Annahme")),
                    ring,
                    TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("Callback {}: citizen not called", callback.callId, e);
            fail(callback, "Senden fehlgeschlagen");
        }
    }

    /** sip:&lt;number&gt;@gateway — the trunk routes it to the public network (in tests: a baresip "citizen"). */
    private SipURI gatewayUri(String number) throws Exception {
        String gateway = voice.callbackGateway();
        String host = gateway;
        int port = -1;
        int colon = gateway.lastIndexOf(':');
        if (colon > 0) {
            host = gateway.substring(0, colon);
            port = Integer.parseInt(gateway.substring(colon + 1));
        }
        SipURI uri = sip.addresses().createSipURI(number, host);
        if (port > 0) {
            uri.setPort(port);
        }
        return uri;
    }

    private void send(Leg leg, URI target, String transport, String displayName) throws Exception {
        SipURI ourUri = sip.addresses().createSipURI("buergerservice", sip.host());
        ourUri.setPort(sip.port());
        Address from = sip.addresses().createAddress(displayName, ourUri);
        FromHeader fromHeader = sip.headers().createFromHeader(from, leg.fromTag);
        ToHeader to = sip.headers().createToHeader(sip.addresses().createAddress(target), null);
        Request invite = sip.messageFactory()
                .createRequest(
                        target,
                        Request.INVITE,
                        sip.headers().createCallIdHeader(leg.sipCallId),
                        sip.headers().createCSeqHeader(leg.cseq.get(), Request.INVITE),
                        fromHeader,
                        to,
                        List.of(sip.via(transport)),
                        sip.headers().createMaxForwardsHeader(70));
        invite.addHeader(sip.headers().createContactHeader(sip.addresses().createAddress(ourUri)));
        invite.setContent(leg.media.offer(), sip.headers().createContentTypeHeader("application", "sdp"));
        legs.put(leg.sipCallId, leg);
        ClientTransaction client = provider.getNewClientTransaction(invite);
        client.setApplicationData(leg);
        leg.invite = client;
        client.sendRequest();
    }

    /** The core stops ringing the agent (ring timeout): CANCEL. True if the call is one of ours. */
    boolean cancelAgent(String callId, UUID agentId) {
        Callback callback = byCall.get(callId);
        if (callback == null || !callback.agentId.equals(agentId)) {
            return false;
        }
        signalling.execute(() -> {
            Leg leg = callback.agent;
            if (leg != null && leg.ok == null && leg.invite != null && !leg.over) {
                leg.over = true;
                try {
                    provider.getNewClientTransaction(leg.invite.createCancel()).sendRequest();
                } catch (Exception e) {
                    log.debug("CANCEL of callback leg not sent: {}", e.toString());
                }
            }
            end(callback);
        });
        return true;
    }

    void response(Leg leg, Response response) throws Exception {
        int status = response.getStatusCode();
        String method = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod();
        if (!Request.INVITE.equals(method) || status < 200) {
            return;
        }
        Callback callback = leg.callback;
        if (status < 300) {
            if (leg.ok != null || leg.over) {
                if (leg.ok == null) {
                    leg.ok = response; // answered after CANCEL: ACK and hang up
                    ack(leg);
                    bye(leg);
                } else {
                    ack(leg); // our ACK was lost: the 2xx is retransmitted
                }
                return;
            }
            leg.ok = response;
            ack(leg);
            if (!leg.media.answered(response.getRawContent())) {
                log.info("Callback {}: {} answered without G.711 audio", callback.callId, leg.role);
            }
            if (leg.role == Role.AGENT) {
                agentAnswered(callback);
            } else {
                citizenAnswered(callback, leg);
            }
        } else if (leg.role == Role.AGENT) {
            if (!leg.over) {
                end(callback);
                switchboard.ringFailed(callback.callId, callback.agentId, status + " " + response.getReasonPhrase());
            }
        } else {
            citizenNotReached(leg, status + " " + response.getReasonPhrase());
        }
    }

    void timeout(Leg leg) {
        if (leg.role == Role.AGENT) {
            if (!leg.over && leg.ok == null) {
                end(leg.callback);
                switchboard.ringFailed(leg.callback.callId, leg.callback.agentId, "Zeitüberschreitung");
            }
        } else {
            signalling.execute(() -> citizenNotReached(leg, "Zeitüberschreitung"));
        }
    }

    private void agentAnswered(Callback callback) {
        int attempt = switchboard.callbackAgentReady(callback.callId, callback.agentId);
        if (attempt == 0) {
            bye(callback.agent); // too late: the call went elsewhere
            end(callback);
            return;
        }
        callback.agent.media.say("Rückruf an " + spell(callback.number) + ". Die Verbindung wird hergestellt.");
        dialCitizen(callback);
    }

    private void citizenAnswered(Callback callback, Leg leg) {
        cancelTimeout(leg);
        if (!switchboard.answered(callback.callId, callback.agentId)) {
            bye(leg);
            end(callback);
            return;
        }
        callback.connected = true;
        callback.agent.media.bridge(leg.media);
    }

    private void citizenNotReached(Leg leg, String why) {
        if (leg.over || leg.ok != null) {
            return;
        }
        leg.over = true;
        cancelTimeout(leg);
        try {
            if (leg.invite != null) {
                provider.getNewClientTransaction(leg.invite.createCancel()).sendRequest();
            }
        } catch (Exception e) {
            log.debug("CANCEL to the citizen not sent: {}", e.toString());
        }
        fail(leg.callback, why);
    }

    private void fail(Callback callback, String why) {
        if (callback.agent != null && callback.agent.ok != null) {
            bye(callback.agent);
        }
        end(callback);
        switchboard.callbackFailed(callback.callId, why, voice.properties().callbackAttempts(), RETRY_AFTER);
    }

    /**
     * A request inside one of our legs (BYE from agent or citizen; INFO, OPTIONS): answered here. A BYE ends the
     * other leg too; before the citizen answered, the agent's hang-up ends the attempt.
     */
    boolean inDialog(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        Leg leg = legs.get(callId);
        if (leg == null) {
            return false;
        }
        if (Request.ACK.equals(request.getMethod())) {
            return true;
        }
        ServerTransaction server = event.getServerTransaction() != null
                ? event.getServerTransaction()
                : provider.getNewServerTransaction(request);
        if (!Request.BYE.equals(request.getMethod())) {
            sip.respond(
                    server,
                    request,
                    Request.INVITE.equals(request.getMethod()) ? Response.NOT_ACCEPTABLE_HERE : Response.OK,
                    null);
            return true;
        }
        sip.respond(server, request, Response.OK, null);
        leg.over = true;
        Callback callback = leg.callback;
        Leg other = leg.role == Role.AGENT ? callback.citizen : callback.agent;
        if (other != null && other.ok != null) {
            bye(other);
        } else if (other != null && other.invite != null && !other.over) {
            other.over = true;
            cancelTimeout(other);
            try {
                provider.getNewClientTransaction(other.invite.createCancel()).sendRequest();
            } catch (Exception e) {
                log.debug("CANCEL not sent: {}", e.toString());
            }
        }
        end(callback);
        if (callback.connected) {
            switchboard.ended(callback.callId);
        } else if (leg.role == Role.CITIZEN) {
            switchboard.callbackFailed(
                    callback.callId, "aufgelegt", voice.properties().callbackAttempts(), RETRY_AFTER);
        } else {
            switchboard.callbackFailed(
                    callback.callId, "Mitarbeiter aufgelegt", voice.properties().callbackAttempts(), RETRY_AFTER);
        }
        return true;
    }

    private void ack(Leg leg) {
        try {
            provider.sendRequest(request(leg, Request.ACK, leg.cseq.get()));
        } catch (Exception e) {
            log.debug("ACK of callback leg not sent: {}", e.toString());
        }
    }

    private void bye(Leg leg) {
        if (leg == null || leg.ok == null) {
            return;
        }
        leg.over = true;
        try {
            provider.getNewClientTransaction(request(leg, Request.BYE, leg.cseq.incrementAndGet()))
                    .sendRequest();
        } catch (Exception e) {
            log.debug("BYE of callback leg not sent: {}", e.toString());
        }
    }

    /** ACK or BYE within the leg's dialog: to the callee's Contact, with its To tag (RFC 3261 §12.2.1.1). */
    private Request request(Leg leg, String method, long number) throws Exception {
        Response ok = leg.ok;
        ContactHeader contact = (ContactHeader) ok.getHeader(ContactHeader.NAME);
        URI target = contact != null
                ? (URI) contact.getAddress().getURI().clone()
                : (URI) ((ToHeader) ok.getHeader(ToHeader.NAME))
                        .getAddress()
                        .getURI()
                        .clone();
        String transport = target instanceof SipURI s && s.getTransportParam() != null ? s.getTransportParam() : "udp";
        var via = sip.via(transport);
        if (Request.ACK.equals(method)) {
            via.setBranch("z9hG4bK" + Digest.md5Hex(leg.sipCallId + ":ack").substring(0, 16));
        }
        return sip.messageFactory()
                .createRequest(
                        target,
                        method,
                        (CallIdHeader) ok.getHeader(CallIdHeader.NAME),
                        sip.headers().createCSeqHeader(number, method),
                        (FromHeader) ok.getHeader(FromHeader.NAME),
                        (ToHeader) ok.getHeader(ToHeader.NAME),
                        List.of(via),
                        sip.headers().createMaxForwardsHeader(70));
    }

    private void end(Callback callback) {
        byCall.remove(callback.callId, callback);
        for (Leg leg : new Leg[] {callback.agent, callback.citizen}) {
            if (leg != null) {
                cancelTimeout(leg);
                leg.media.close();
                // the dialog's BYE retransmissions and the 200 of our BYE still find nothing to do: forget it later
                timers.schedule(() -> legs.remove(leg.sipCallId, leg), 32, TimeUnit.SECONDS);
            }
        }
    }

    private static void cancelTimeout(Leg leg) {
        ScheduledFuture<?> timeout = leg.timeout;
        if (timeout != null) {
            timeout.cancel(false);
        }
    }

    /** "+4954311234" → "+ 4 9 5 4 …": read out digit by digit, as a number is read on the phone. */
    static String spell(String number) {
        StringBuilder spoken = new StringBuilder();
        for (char c : number.toCharArray()) {
            if (Character.isDigit(c)) {
                spoken.append(c).append(' ');
            }
        }
        return spoken.toString().strip();
    }
}
