package de.buergerservice.telephony.internal.sip;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * What the edge refuses before a request reaches the proxy's logic, each with the status the RFC names (and a
 * German reason phrase for the operator's traces): a request that would be refused later, or worse queued and then
 * never answerable, is refused here.
 *
 * <ul>
 *   <li>505 for another SIP version than 2.0, 400 for a header that may appear once but appears twice (both found
 *       on the raw text by {@link GuardedParserFactory}).
 *   <li>416 for a Request-URI that is not {@code sip:} ({@code tel:}, and {@code sips:} because the server offers
 *       no TLS: RFC 3261 §8.2.2.1, §26.2.2).
 *   <li>400 for absurd sizes: a Call-ID over {@value #MAX_CALL_ID} characters (SIP sets no limit, and one
 *       longer than {@code call_event.call_id} holds is stored as prefix + hash; this only keeps absurd ones out), a From/To tag over {@value #MAX_TAG}, any header line over
 *       {@value #MAX_HEADER} (that one on the raw text, by {@link GuardedParserFactory}).
 *   <li>400 for a Via the answer cannot follow: a transport the server does not speak (RFC 3261 §18.2.2) or an
 *       INVITE whose sent-by host does not resolve (RFC 3263 §6); such a caller could never hear the answer, so
 *       its call must not be queued or put through (where no answer can be sent at all, the request is dropped).
 *   <li>400 for an INVITE with {@code Contact: *} (only REGISTER may say that, RFC 3261 §10.2.2).
 *   <li>483 for a request to be forwarded with Max-Forwards 0 (RFC 3261 §16.3), 400 without Max-Forwards.
 * </ul>
 */
final class RequestValidator {

    static final int MAX_CALL_ID = 1024;
    static final int MAX_TAG = 128;
    static final int MAX_HEADER = 2048;

    /** A final response the request gets instead of being handled. */
    record Refusal(int status, String reason) {}

    private RequestValidator() {}

    static Optional<Refusal> check(Request request) {
        if (request instanceof gov.nist.javax.sip.message.MessageExt ext
                && ext.getApplicationData() instanceof Refusal refusal) {
            return Optional.of(refusal);
        }
        String scheme = request.getRequestURI().getScheme();
        if (scheme.equalsIgnoreCase("sips")) {
            return refuse(Response.UNSUPPORTED_URI_SCHEME, "sips nicht angeboten (kein TLS)");
        }
        if (!scheme.equalsIgnoreCase("sip")) {
            return refuse(Response.UNSUPPORTED_URI_SCHEME, "URI-Schema nicht unterstützt: " + scheme);
        }
        CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        if (callId.getCallId().length() > MAX_CALL_ID) {
            return refuse(Response.BAD_REQUEST, "Call-ID zu lang (höchstens " + MAX_CALL_ID + " Zeichen)");
        }
        String fromTag = ((FromHeader) request.getHeader(FromHeader.NAME)).getTag();
        String toTag = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
        if ((fromTag != null && fromTag.length() > MAX_TAG) || (toTag != null && toTag.length() > MAX_TAG)) {
            return refuse(Response.BAD_REQUEST, "Tag zu lang (höchstens " + MAX_TAG + " Zeichen)");
        }
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        String transport = via.getTransport();
        if (!"UDP".equalsIgnoreCase(transport) && !"TCP".equalsIgnoreCase(transport)) {
            return refuse(Response.BAD_REQUEST, "Via-Transport nicht unterstützt: " + transport);
        }
        boolean invite = Request.INVITE.equals(request.getMethod());
        if (invite && !resolvable(via.getHost())) {
            return refuse(Response.BAD_REQUEST, "Via-Adresse nicht auflösbar");
        }
        if (invite) {
            ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
            if (contact != null
                    && (contact.isWildCard()
                            || (contact.getAddress() != null
                                    && contact.getAddress().isWildcard()))) {
                return refuse(Response.BAD_REQUEST, "Contact: * nur bei REGISTER");
            }
        }
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        if (maxForwards == null && !Request.ACK.equals(request.getMethod())) {
            // RFC 3261 §8.1.1.6 makes it mandatory, and the stack builds no transaction without it
            return refuse(Response.BAD_REQUEST, "Max-Forwards fehlt");
        }
        boolean answeredHere = Request.REGISTER.equals(request.getMethod())
                || (Request.OPTIONS.equals(request.getMethod()) && toTag == null);
        if (maxForwards != null && maxForwards.getMaxForwards() <= 0 && !answeredHere) {
            return refuse(Response.TOO_MANY_HOPS, null);
        }
        return Optional.empty();
    }

    /**
     * An IP literal always; a name only if it resolves (the JVM caches the answer, negative ones 10 s). Asked for
     * INVITEs only: they are the requests whose caller must be answerable for minutes.
     */
    private static boolean resolvable(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        if (Character.isDigit(host.charAt(0)) || host.startsWith("[") || host.contains(":")) {
            return true; // IPv4 or IPv6 literal: nothing to resolve
        }
        try {
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Optional<Refusal> refuse(int status, String reason) {
        return Optional.of(new Refusal(status, reason));
    }
}
