package de.buergerservice.telephony.internal.sip;

import java.text.ParseException;

import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import de.buergerservice.telephony.internal.Digest;

/** Builds the SIP messages the server answers with, and knows the server's own address. */
class SipMessages {

    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final String host;
    private final int port;

    SipMessages(MessageFactory messages, HeaderFactory headers, AddressFactory addresses, String host, int port) {
        this.messages = messages;
        this.headers = headers;
        this.addresses = addresses;
        this.host = host;
        this.port = port;
    }

    MessageFactory messageFactory() {
        return messages;
    }

    HeaderFactory headers() {
        return headers;
    }

    AddressFactory addresses() {
        return addresses;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    /**
     * A response generated here. RFC 3261 §8.2.6.2: every response but 100 carries a To tag; the same request
     * always gets the same tag, so a 182 and the final 487 belong to one early dialog.
     */
    Response response(int status, Request request) throws ParseException {
        Response response = messages.createResponse(status, request);
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (status > 100 && to.getTag() == null) {
            to.setTag(tagFor(request));
        }
        return response;
    }

    Response response(int status, Request request, String reason) throws ParseException {
        Response response = response(status, request);
        if (reason != null) {
            response.setReasonPhrase(reason);
        }
        return response;
    }

    void respond(ServerTransaction transaction, Request request, int status, String reason)
            throws ParseException, SipException, InvalidArgumentException {
        transaction.sendResponse(response(status, request, reason));
    }

    static String tagFor(Request request) {
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        String fromTag = ((FromHeader) request.getHeader(FromHeader.NAME)).getTag();
        return "bs" + Digest.md5Hex(callId + ":" + fromTag).substring(0, 12);
    }

    ContactHeader contact(URI uri, int expires) throws InvalidArgumentException {
        ContactHeader contact = headers.createContactHeader(addresses.createAddress(uri));
        contact.setExpires(expires);
        return contact;
    }

    /** sip:host:port;lr — what goes into Record-Route so in-dialog requests pass here. */
    SipURI routeUri() throws ParseException {
        SipURI uri = addresses.createSipURI(null, host);
        uri.setPort(port);
        uri.setLrParam();
        return uri;
    }

    ViaHeader via(String transport) throws ParseException, InvalidArgumentException {
        return headers.createViaHeader(host, port, transport == null ? "udp" : transport.toLowerCase(), null);
    }

    /** Whether the URI addresses this server (then a Route entry is ours to remove). */
    boolean isOurs(URI uri) {
        if (!(uri instanceof SipURI sip)) {
            return false;
        }
        int uriPort = sip.getPort() <= 0 ? 5060 : sip.getPort();
        return uriPort == port && (sip.getHost().equals(host) || sameLoopback(sip.getHost()));
    }

    private boolean sameLoopback(String other) {
        boolean ourLoopback = host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost");
        return ourLoopback && (other.equals("127.0.0.1") || other.equalsIgnoreCase("localhost"));
    }
}
