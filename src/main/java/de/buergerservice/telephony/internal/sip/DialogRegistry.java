package de.buergerservice.telephony.internal.sip;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The dialogs this proxy created: one per answered call, from the 200 it relayed to the caller until BYE,
 * transfer or supervision ends it. In-dialog requests are forwarded only along one of these (RFC 3261 §12.2.2:
 * Call-ID and both tags identify a dialog; §16.4: the proxy's own Record-Route in Route), so the proxy is no open
 * relay, and a BYE with a made-up tag cannot end somebody else's call.
 */
final class DialogRegistry {

    enum Side {
        /** The request comes from the citizen's phone (From tag = the INVITE's From tag). */
        CALLER,
        /** The request comes from the agent's phone (From tag = the tag of the agent's 200). */
        AGENT
    }

    /** One answered call. Targets and CSeqs are updated as in-dialog requests pass (§12.2). */
    static final class Dialog {
        final String callId;
        final UUID agentId;
        final String callerTag;
        final String agentTag;
        final Address callerAddress;
        final Address agentAddress;
        final String callerTransport;
        final String agentTransport;
        final String callerHost;
        final int callerPort;
        /** Route set towards the caller: the INVITE's Record-Route entries (§12.1.1). */
        final List<Address> routeToCaller;

        volatile URI callerTarget;
        volatile URI agentTarget;
        volatile long callerCseq;
        volatile long agentCseq;
        volatile boolean acknowledged;
        /** A BYE passed; kept a little for its retransmissions, no longer supervised. */
        volatile boolean closing;

        volatile ScheduledFuture<?> ackTimer;
        volatile ScheduledFuture<?> durationTimer;

        Dialog(Request invite, Response ok, UUID agentId, String agentTransport) {
            this.callId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
            this.agentId = agentId;
            FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
            ToHeader to = (ToHeader) ok.getHeader(ToHeader.NAME);
            this.callerTag = from.getTag();
            this.agentTag = to.getTag();
            this.callerAddress = from.getAddress();
            this.agentAddress = to.getAddress();
            ViaHeader via = (ViaHeader) invite.getHeader(ViaHeader.NAME);
            this.callerTransport = via.getTransport();
            this.callerHost = via.getReceived() != null ? via.getReceived() : via.getHost();
            this.callerPort = via.getRPort() > 0 ? via.getRPort() : via.getPort() > 0 ? via.getPort() : 5060;
            this.agentTransport = agentTransport;
            this.callerTarget = contactOf(invite);
            this.agentTarget = contactOf(ok);
            this.callerCseq = ((CSeqHeader) invite.getHeader(CSeqHeader.NAME)).getSeqNumber();
            List<Address> routes = new ArrayList<>();
            for (ListIterator<?> it = invite.getHeaders(RecordRouteHeader.NAME); it.hasNext(); ) {
                routes.add(((RecordRouteHeader) it.next()).getAddress());
            }
            this.routeToCaller = List.copyOf(routes);
        }

        /** Which side sent a request with these tags, if they are this dialog's tags at all. */
        Optional<Side> side(String fromTag, String toTag) {
            if (fromTag == null || toTag == null) {
                return Optional.empty();
            }
            if (fromTag.equals(callerTag) && toTag.equals(agentTag)) {
                return Optional.of(Side.CALLER);
            }
            if (fromTag.equals(agentTag) && toTag.equals(callerTag)) {
                return Optional.of(Side.AGENT);
            }
            return Optional.empty();
        }

        /** The remote target a request from {@code side} must be addressed to. */
        URI targetFor(Side side) {
            return side == Side.CALLER ? agentTarget : callerTarget;
        }

        /** A request passed: remember its CSeq and, for a target refresh (re-INVITE, UPDATE), its Contact. */
        void passed(Side side, Request request) {
            long cseq = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
            URI contact = contactOf(request);
            boolean refresh = Request.INVITE.equals(request.getMethod()) || Request.UPDATE.equals(request.getMethod());
            if (side == Side.CALLER) {
                callerCseq = Math.max(callerCseq, cseq);
                if (refresh && contact != null) {
                    callerTarget = contact;
                }
            } else {
                agentCseq = Math.max(agentCseq, cseq);
                if (refresh && contact != null) {
                    agentTarget = contact;
                }
            }
        }

        void cancelTimers() {
            ScheduledFuture<?> ack = ackTimer;
            ScheduledFuture<?> duration = durationTimer;
            if (ack != null) {
                ack.cancel(false);
            }
            if (duration != null) {
                duration.cancel(false);
            }
        }

        private static URI contactOf(javax.sip.message.Message message) {
            ContactHeader contact = (ContactHeader) message.getHeader(ContactHeader.NAME);
            return contact == null || contact.getAddress() == null
                    ? null
                    : contact.getAddress().getURI();
        }
    }

    /** A request matched to one of our dialogs, and the side it came from. */
    record Match(Dialog dialog, Side side) {}

    private final Map<String, Dialog> dialogs = new ConcurrentHashMap<>();

    void add(Dialog dialog) {
        dialogs.put(dialog.callId, dialog);
    }

    Optional<Dialog> get(String callId) {
        return Optional.ofNullable(dialogs.get(callId));
    }

    /** Removes the dialog; true only for the one caller that removed it (ends it once). */
    boolean remove(Dialog dialog) {
        if (dialogs.remove(dialog.callId, dialog)) {
            dialog.cancelTimers();
            return true;
        }
        return false;
    }

    boolean knows(String callId) {
        return dialogs.containsKey(callId);
    }

    Collection<Dialog> all() {
        return dialogs.values();
    }

    /** Dialogs not yet ended by a BYE. */
    int size() {
        return (int) dialogs.values().stream().filter(d -> !d.closing).count();
    }

    /** The dialog and side of an in-dialog request, by Call-ID and both tags. */
    Optional<Match> match(Request request) {
        Dialog dialog = dialogs.get(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId());
        if (dialog == null) {
            return Optional.empty();
        }
        String fromTag = ((FromHeader) request.getHeader(FromHeader.NAME)).getTag();
        String toTag = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
        return dialog.side(fromTag, toTag).map(side -> new Match(dialog, side));
    }
}
