package de.buergerservice.telephony.internal.sip;

import java.util.OptionalLong;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import gov.nist.javax.sip.RequestEventExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first listener of the SIP stack, in front of the proxy: applies the per-source rate limits
 * ({@link SipRateLimits}) to REGISTER and to new calls (INVITE without To tag) and hands everything else, and what
 * it admits, to the proxy unchanged. A limited request is answered {@code 503 Service Unavailable} with
 * {@code Retry-After} (RFC 3261 §21.5.4) statelessly — no transaction, no state per refused request. Not 429: in SIP
 * that code means "Provide Referrer Identity" (RFC 3892).
 */
final class SipGate implements SipListener {

    private static final Logger log = LoggerFactory.getLogger(SipGate.class);
    static final String REASON = "Zu viele Anfragen, bitte später erneut versuchen";

    private final SipListener proxy;
    private final SipRateLimits limits;
    private final SipProvider provider;
    private final SipMessages sip;

    SipGate(SipListener proxy, SipRateLimits limits, SipProvider provider, SipMessages sip) {
        this.proxy = proxy;
        this.limits = limits;
        this.provider = provider;
        this.sip = sip;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        SipRateLimits.Kind kind = kind(request);
        if (kind != null && event.getServerTransaction() == null) {
            OptionalLong wait = limits.take(kind, source(event));
            if (wait.isPresent()) {
                refuse(request, wait.getAsLong());
                return;
            }
        }
        proxy.processRequest(event);
    }

    private static SipRateLimits.Kind kind(Request request) {
        String method = request.getMethod();
        if (Request.REGISTER.equals(method)) {
            return SipRateLimits.Kind.REGISTER;
        }
        if (Request.INVITE.equals(method)
                && request.getHeader(ToHeader.NAME) instanceof ToHeader to
                && to.getTag() == null) {
            return SipRateLimits.Kind.INVITE;
        }
        return null;
    }

    static String source(RequestEvent event) {
        return event instanceof RequestEventExt ext ? ext.getRemoteIpAddress() : null;
    }

    private void refuse(Request request, long retryAfterSeconds) {
        try {
            Response response = sip.response(Response.SERVICE_UNAVAILABLE, request, REASON);
            response.addHeader(sip.headers().createRetryAfterHeader((int) Math.min(retryAfterSeconds, 3600)));
            provider.sendResponse(response);
        } catch (Exception e) {
            log.debug("503 of the rate limit not sent: {}", e.toString());
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        proxy.processResponse(event);
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        proxy.processTimeout(event);
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        proxy.processIOException(event);
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        proxy.processTransactionTerminated(event);
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        proxy.processDialogTerminated(event);
    }
}
