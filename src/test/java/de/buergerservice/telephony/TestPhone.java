package de.buergerservice.telephony;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.ListIterator;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A SIP phone for tests, on the JAIN-SIP stack over real UDP on 127.0.0.1: registers with digest authentication,
 * places calls (INVITE, ACK, BYE, CANCEL), rings and answers (180, 200 with SDP), hangs up, transfers (REFER).
 * Keeps one call at a time; dialog state is kept by hand as RFC 3261 §12 says.
 */
public class TestPhone implements SipListener, AutoCloseable {

    private static final AtomicInteger STACKS = new AtomicInteger();
    static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    private final String user;
    private final String transport;
    private final String serverHost;
    private final int serverPort;
    private final SipStack stack;
    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final int port;
    private final AtomicLong cseq = new AtomicLong(1);

    /** Every response received, in order. */
    public final BlockingQueue<Response> responses = new LinkedBlockingQueue<>();
    /** Every request received (INVITE, BYE, REFER, CANCEL …), in order. */
    public final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    /** Whether incoming calls are answered at once (else only 180 Ringing until {@link #answer()}). */
    public volatile boolean autoAnswer;

    // the current call
    private volatile Request invite;
    private volatile ClientTransaction inviteTransaction;
    private volatile ServerTransaction incoming;
    private volatile String localTag;
    private volatile String remoteTag;
    private volatile URI remoteTarget;
    private volatile List<Address> routeSet = List.of();
    private volatile boolean caller;
    private volatile Response lastAnswer;

    public TestPhone(String user, String serverHost, int serverPort) throws Exception {
        this(user, serverHost, serverPort, ListeningPoint.UDP);
    }

    /** A phone that talks to the server over {@code transport} ({@code udp} or {@code tcp}). */
    public TestPhone(String user, String serverHost, int serverPort, String transport) throws Exception {
        this.transport = transport.toLowerCase();
        this.user = user;
        this.serverHost = serverHost;
        this.serverPort = serverPort;
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "sip.testphone." + STACKS.incrementAndGet());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        stack = factory.createSipStack(p);
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        ListeningPoint point = stack.createListeningPoint("127.0.0.1", port, transport);
        provider = stack.createSipProvider(point);
        provider.addSipListener(this);
        messages = factory.createMessageFactory();
        headers = factory.createHeaderFactory();
        addresses = factory.createAddressFactory();
        stack.start();
    }

    public String user() {
        return user;
    }

    // --- registration --------------------------------------------------------------------------------------

    /** REGISTER, answering one digest challenge with {@code password}; returns the final status. */
    public int register(String password, int expires) throws Exception {
        Request request = registerRequest(expires);
        send(request);
        Response first = finalResponse(Request.REGISTER);
        if (first.getStatusCode() != Response.UNAUTHORIZED || password == null) {
            return first.getStatusCode();
        }
        WWWAuthenticateHeader challenge = (WWWAuthenticateHeader) first.getHeader(WWWAuthenticateHeader.NAME);
        Request retry = registerRequest(expires);
        retry.setHeader(headers.createCallIdHeader(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId()));
        retry.addHeader(authorization(challenge, password, "sip:" + serverHost + ":" + serverPort));
        send(retry);
        return finalResponse(Request.REGISTER).getStatusCode();
    }

    /** REGISTER with Expires 0: the binding ends (and with it the agent's availability). */
    public int unregister(String password) throws Exception {
        return register(password, 0);
    }

    private Request registerRequest(int expires) throws Exception {
        SipURI aor = addresses.createSipURI(user, serverHost);
        aor.setPort(serverPort);
        Address address = addresses.createAddress(aor);
        SipURI registrar = addresses.createSipURI(null, serverHost);
        registrar.setPort(serverPort);
        registrar.setTransportParam(transport);
        Request request = messages.createRequest(
                registrar,
                Request.REGISTER,
                provider.getNewCallId(),
                headers.createCSeqHeader(cseq.getAndIncrement(), Request.REGISTER),
                headers.createFromHeader(address, tag()),
                headers.createToHeader(address, null),
                List.of(via()),
                headers.createMaxForwardsHeader(70));
        ContactHeader contact = headers.createContactHeader(addresses.createAddress(contactUri()));
        contact.setExpires(expires);
        request.addHeader(contact);
        return request;
    }

    AuthorizationHeader authorization(WWWAuthenticateHeader challenge, String password, String uri) throws Exception {
        String realm = challenge.getRealm();
        String nonce = challenge.getNonce();
        String cnonce = UUID.randomUUID().toString().substring(0, 8);
        String nc = "00000001";
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(Request.REGISTER + ":" + uri);
        String response = md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        AuthorizationHeader auth = headers.createAuthorizationHeader("Digest");
        auth.setUsername(user);
        auth.setRealm(realm);
        auth.setNonce(nonce);
        auth.setURI(addresses.createURI(uri));
        auth.setResponse(response);
        auth.setAlgorithm("MD5");
        auth.setQop("auth");
        auth.setCNonce(cnonce);
        auth.setNonceCount(1);
        return auth;
    }

    // --- calling -------------------------------------------------------------------------------------------

    /** INVITE {@code number} at the server (with SDP). */
    public void call(String number) throws Exception {
        SipURI target = addresses.createSipURI(number, serverHost);
        target.setPort(serverPort);
        target.setTransportParam(transport);
        SipURI from = addresses.createSipURI(user, "127.0.0.1");
        localTag = tag();
        remoteTag = null;
        caller = true;
        Request request = messages.createRequest(
                target,
                Request.INVITE,
                provider.getNewCallId(),
                headers.createCSeqHeader(cseq.getAndIncrement(), Request.INVITE),
                headers.createFromHeader(addresses.createAddress(from), localTag),
                headers.createToHeader(addresses.createAddress(target), null),
                List.of(via()),
                headers.createMaxForwardsHeader(70));
        request.addHeader(headers.createContactHeader(addresses.createAddress(contactUri())));
        request.setContent(SDP, headers.createContentTypeHeader("application", "sdp"));
        invite = request;
        inviteTransaction = provider.getNewClientTransaction(request);
        inviteTransaction.sendRequest();
    }

    /** The INVITE of the current call as it was sent (to repeat it by hand, as a retransmission). */
    public Request sentInvite() {
        return invite;
    }

    public String callId() {
        return ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
    }

    /** CANCEL the pending INVITE. */
    public void cancel() throws Exception {
        provider.getNewClientTransaction(inviteTransaction.createCancel()).sendRequest();
    }

    /** Waits for a response to the current method with the status, skipping others; null on timeout. */
    public Response awaitResponse(int status, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Response response = responses.poll(100, TimeUnit.MILLISECONDS);
            if (response != null && response.getStatusCode() == status) {
                return response;
            }
        }
        return null;
    }

    public Request awaitRequest(String method, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Request request = requests.poll(100, TimeUnit.MILLISECONDS);
            if (request != null && request.getMethod().equals(method)) {
                return request;
            }
        }
        return null;
    }

    /** After a 2xx to our INVITE: remember the dialog (RFC 3261 §12.1.2) and ACK it. */
    public void ack(Response ok) throws Exception {
        remoteTag = ((ToHeader) ok.getHeader(ToHeader.NAME)).getTag();
        remoteTarget =
                ((ContactHeader) ok.getHeader(ContactHeader.NAME)).getAddress().getURI();
        List<Address> routes = new ArrayList<>();
        for (ListIterator<?> it = ok.getHeaders(RecordRouteHeader.NAME); it.hasNext(); ) {
            routes.add(((RecordRouteHeader) it.next()).getAddress());
        }
        Collections.reverse(routes);
        routeSet = routes;
        long number = ((CSeqHeader) ok.getHeader(CSeqHeader.NAME)).getSeqNumber();
        Request ack = inDialog(Request.ACK, number);
        provider.sendRequest(ack);
    }

    public void bye() throws Exception {
        provider.getNewClientTransaction(inDialog(Request.BYE, cseq.getAndIncrement()))
                .sendRequest();
    }

    /** Blind transfer of the current call to {@code target} (RFC 3515). */
    public void refer(String target) throws Exception {
        Request refer = inDialog(Request.REFER, cseq.getAndIncrement());
        refer.addHeader(headers.createHeader("Refer-To", target));
        refer.addHeader(headers.createContactHeader(addresses.createAddress(contactUri())));
        provider.getNewClientTransaction(refer).sendRequest();
    }

    private Request inDialog(String method, long number) throws Exception {
        Address local = caller
                ? ((FromHeader) invite.getHeader(FromHeader.NAME)).getAddress()
                : ((ToHeader) invite.getHeader(ToHeader.NAME)).getAddress();
        Address remote = caller
                ? ((ToHeader) invite.getHeader(ToHeader.NAME)).getAddress()
                : ((FromHeader) invite.getHeader(FromHeader.NAME)).getAddress();
        Request request = messages.createRequest(
                remoteTarget,
                method,
                (CallIdHeader) invite.getHeader(CallIdHeader.NAME),
                headers.createCSeqHeader(number, method),
                headers.createFromHeader(local, localTag),
                headers.createToHeader(remote, remoteTag),
                List.of(via()),
                headers.createMaxForwardsHeader(70));
        for (Address route : routeSet) {
            request.addLast(headers.createRouteHeader(route));
        }
        return request;
    }

    // --- being called --------------------------------------------------------------------------------------

    /** Answers the ringing call with 200 and SDP. */
    public void answer() throws Exception {
        Response ok = messages.createResponse(Response.OK, incoming.getRequest());
        ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(localTag);
        ok.addHeader(headers.createContactHeader(addresses.createAddress(contactUri())));
        ContentTypeHeader sdp = headers.createContentTypeHeader("application", "sdp");
        ok.setContent(SDP, sdp);
        lastAnswer = ok;
        incoming.sendResponse(ok);
    }

    /** Sends the last 200 again, as a phone does while the ACK is missing (RFC 3261 §13.3.1.4). */
    public void repeatAnswer() throws Exception {
        provider.sendResponse((Response) lastAnswer.clone());
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            switch (request.getMethod()) {
                case Request.INVITE -> ringing(event);
                case Request.ACK -> {}
                case Request.CANCEL -> {
                    respond(event, Response.OK);
                    if (incoming != null) {
                        Response terminated =
                                messages.createResponse(Response.REQUEST_TERMINATED, incoming.getRequest());
                        ((ToHeader) terminated.getHeader(ToHeader.NAME)).setTag(localTag);
                        incoming.sendResponse(terminated);
                    }
                }
                case Request.REFER -> respond(event, Response.ACCEPTED);
                default -> respond(event, Response.OK);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            requests.add(request); // after handling: a test that sees the INVITE may answer it at once
        }
    }

    private void ringing(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        ServerTransaction transaction = event.getServerTransaction() != null
                ? event.getServerTransaction()
                : provider.getNewServerTransaction(request);
        invite = request;
        incoming = transaction;
        caller = false;
        localTag = tag();
        remoteTag = ((FromHeader) request.getHeader(FromHeader.NAME)).getTag();
        remoteTarget = ((ContactHeader) request.getHeader(ContactHeader.NAME))
                .getAddress()
                .getURI();
        List<Address> routes = new ArrayList<>();
        for (ListIterator<?> it = request.getHeaders(RecordRouteHeader.NAME); it.hasNext(); ) {
            routes.add(((RecordRouteHeader) it.next()).getAddress());
        }
        routeSet = routes;
        Response ringing = messages.createResponse(Response.RINGING, request);
        ((ToHeader) ringing.getHeader(ToHeader.NAME)).setTag(localTag);
        transaction.sendResponse(ringing);
        if (autoAnswer) {
            answer();
        }
    }

    private void respond(RequestEvent event, int status) throws Exception {
        ServerTransaction transaction = event.getServerTransaction() != null
                ? event.getServerTransaction()
                : provider.getNewServerTransaction(event.getRequest());
        Response response = messages.createResponse(status, event.getRequest());
        if (((ToHeader) response.getHeader(ToHeader.NAME)).getTag() == null) {
            ((ToHeader) response.getHeader(ToHeader.NAME)).setTag(localTag == null ? tag() : localTag);
        }
        transaction.sendResponse(response);
    }

    @Override
    public void processResponse(ResponseEvent event) {
        responses.add(event.getResponse());
    }

    @Override
    public void processTimeout(TimeoutEvent event) {}

    @Override
    public void processIOException(IOExceptionEvent event) {}

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {}

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {}

    // --- helpers -------------------------------------------------------------------------------------------

    private void send(Request request) throws Exception {
        provider.getNewClientTransaction(request).sendRequest();
    }

    private Response finalResponse(String method) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Response response = responses.poll(100, TimeUnit.MILLISECONDS);
            if (response != null
                    && response.getStatusCode() >= 200
                    && ((CSeqHeader) response.getHeader(CSeqHeader.NAME))
                            .getMethod()
                            .equals(method)) {
                return response;
            }
        }
        throw new AssertionError(user + ": no final response to " + method);
    }

    private ViaHeader via() throws Exception {
        return headers.createViaHeader("127.0.0.1", port, transport, null);
    }

    private SipURI contactUri() throws Exception {
        SipURI contact = addresses.createSipURI(user, "127.0.0.1");
        contact.setPort(port);
        if (!transport.equals("udp")) {
            contact.setTransportParam(transport);
        }
        return contact;
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        try {
            provider.removeSipListener(this);
            for (ListeningPoint point : provider.getListeningPoints()) {
                stack.deleteListeningPoint(point);
            }
            stack.deleteSipProvider(provider);
        } catch (Exception ignored) {
            // closing anyway
        }
        stack.stop();
    }
}
