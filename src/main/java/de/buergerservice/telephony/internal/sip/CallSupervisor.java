package de.buergerservice.telephony.internal.sip;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.message.Request;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import de.buergerservice.telephony.internal.routing.Switchboard;

/**
 * Every call has an end, even when no phone says so: media does not pass this server, so it cannot see a dead
 * call by its RTP. Instead: an answered call whose caller never ACKs ({@code ack-timeout}, 64*T1 = 32 s as RFC 3261
 * §13.3.1.4 gives the answering side) and a confirmed call without refresh or BYE for {@code max-call-duration}
 * are ended by the proxy itself — BYE to both phones, ENDED with the reason — so the agent leaves TALKING. The
 * same happens at once when the caller turns out to be unreachable (the relayed 200 could not be sent, its TCP
 * connection is gone).
 */
final class CallSupervisor {

    static final String NO_ACK = "no-ack";
    static final String MAX_DURATION = "max-call-duration";
    static final String CALLER_UNREACHABLE = "caller-unreachable";

    /** Application data of the supervisor's own BYEs: their answers end nothing more. */
    record SupervisionBye(String callId) {}

    private static final Logger log = LoggerFactory.getLogger(CallSupervisor.class);

    private final SipProvider provider;
    private final SipMessages sip;
    private final Switchboard switchboard;
    private final DialogRegistry dialogs;
    private final SipProperties properties;
    private final ExecutorService signalling;
    private final ScheduledExecutorService timers;

    CallSupervisor(
            SipProvider provider,
            SipMessages sip,
            Switchboard switchboard,
            DialogRegistry dialogs,
            SipProperties properties,
            ExecutorService signalling,
            ScheduledExecutorService timers) {
        this.provider = provider;
        this.sip = sip;
        this.switchboard = switchboard;
        this.dialogs = dialogs;
        this.properties = properties;
        this.signalling = signalling;
        this.timers = timers;
    }

    /** The 200 is on its way to the caller: the ACK must follow, and the call has its longest duration. */
    void watch(DialogRegistry.Dialog dialog) {
        dialog.ackTimer = timers.schedule(
                () -> signalling.execute(() -> {
                    if (!dialog.acknowledged) {
                        end(dialog, NO_ACK);
                    }
                }),
                properties.ackTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        refreshed(dialog);
    }

    void acknowledged(DialogRegistry.Dialog dialog) {
        dialog.acknowledged = true;
        var timer = dialog.ackTimer;
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** A session refresh (re-INVITE, UPDATE) passed: the longest duration counts from now. */
    void refreshed(DialogRegistry.Dialog dialog) {
        var previous = dialog.durationTimer;
        if (previous != null) {
            previous.cancel(false);
        }
        dialog.durationTimer = timers.schedule(
                () -> signalling.execute(() -> end(dialog, MAX_DURATION)),
                properties.maxCallDuration().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Ends the call here: ENDED with the reason first (the log leads the phones), then BYE both ways. */
    void end(DialogRegistry.Dialog dialog, String reason) {
        if (dialog.closing || !dialogs.remove(dialog)) {
            return; // ended meanwhile by BYE, transfer or another rule
        }
        MDC.put("callId", dialog.callId);
        try {
            log.info("Call ended by the proxy ({}); BYE to both phones", reason);
            switchboard.ended(dialog.callId, reason);
            bye(dialog, DialogRegistry.Side.CALLER, reason);
            bye(dialog, DialogRegistry.Side.AGENT, reason);
        } finally {
            MDC.remove("callId");
        }
    }

    /** A BYE as if {@code from} had hung up (RFC 3261 §15.1.1), sent to the other side. */
    private void bye(DialogRegistry.Dialog dialog, DialogRegistry.Side from, String reason) {
        boolean toAgent = from == DialogRegistry.Side.CALLER;
        URI target = toAgent ? dialog.agentTarget : dialog.callerTarget;
        if (target == null) {
            return;
        }
        try {
            long cseq = toAgent ? dialog.callerCseq + 1 : dialog.agentCseq + 1;
            Address local = toAgent ? dialog.callerAddress : dialog.agentAddress;
            Address remote = toAgent ? dialog.agentAddress : dialog.callerAddress;
            Request bye = sip.messageFactory()
                    .createRequest(
                            (URI) target.clone(),
                            Request.BYE,
                            sip.headers().createCallIdHeader(dialog.callId),
                            sip.headers().createCSeqHeader(cseq, Request.BYE),
                            sip.headers()
                                    .createFromHeader(
                                            (Address) local.clone(), toAgent ? dialog.callerTag : dialog.agentTag),
                            sip.headers()
                                    .createToHeader(
                                            (Address) remote.clone(), toAgent ? dialog.agentTag : dialog.callerTag),
                            List.of(sip.via(toAgent ? dialog.agentTransport : dialog.callerTransport)),
                            sip.headers().createMaxForwardsHeader(70));
            if (!toAgent) {
                for (Address route : dialog.routeToCaller) {
                    if (!sip.isOurs(route.getURI())) {
                        bye.addLast(sip.headers().createRouteHeader((Address) route.clone()));
                    }
                }
            }
            try {
                bye.addHeader(sip.headers().createHeader("Reason", "SIP;cause=408;text=\"" + reason + "\""));
            } catch (java.text.ParseException e) {
                log.debug("Reason header left out", e); // the BYE matters, its Reason (RFC 3326) is a courtesy
            }
            var client = provider.getNewClientTransaction(bye);
            client.setApplicationData(new SupervisionBye(dialog.callId));
            client.sendRequest();
        } catch (Exception e) {
            log.warn("BYE to the {} not sent", toAgent ? "agent" : "caller", e);
        }
    }
}
