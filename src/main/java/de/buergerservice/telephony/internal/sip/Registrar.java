package de.buergerservice.telephony.internal.sip;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.internal.AgentService;
import de.buergerservice.telephony.internal.Digest;
import de.buergerservice.telephony.internal.SipCredential;
import de.buergerservice.telephony.internal.routing.RoutingException;
import de.buergerservice.telephony.internal.routing.Switchboard;

/**
 * The registrar (RFC 3261 §10): binds an agent's phone to the agent after digest authentication (RFC 2617 with
 * qop=auth, MD5 as in RFC 8760's compatibility rules). No anonymous registration: a REGISTER without credentials
 * gets 401 with a challenge; wrong credentials get a fresh challenge (401), an expired nonce one with stale=true;
 * credentials of another user than the one registered get 403.
 *
 * <p>Nonces are stateless: issue time plus an HMAC-like hash with a per-process secret, valid five minutes.
 */
class Registrar {

    private static final Logger log = LoggerFactory.getLogger(Registrar.class);
    private static final long NONCE_LIFETIME_MILLIS = 300_000;

    /** Where an agent's phone can be reached, until when. */
    record Binding(UUID agentId, String sipUser, URI contact, String transport, long expiresAtMillis) {}

    private final SipMessages sip;
    private final AgentService agents;
    private final Switchboard switchboard;
    private final SipProperties properties;
    private final String secret;
    private final Map<UUID, Binding> bindings = new ConcurrentHashMap<>();

    Registrar(SipMessages sip, AgentService agents, Switchboard switchboard, SipProperties properties) {
        this.sip = sip;
        this.agents = agents;
        this.switchboard = switchboard;
        this.properties = properties;
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.secret = HexFormat.of().formatHex(random);
    }

    Optional<Binding> bindingOf(UUID agentId) {
        Binding binding = bindings.get(agentId);
        return binding == null || binding.expiresAtMillis < System.currentTimeMillis()
                ? Optional.empty()
                : Optional.of(binding);
    }

    int bindingCount() {
        return bindings.size();
    }

    /** Drops bindings whose time is up; the agent's phone is then unreachable. */
    void expire() {
        long now = System.currentTimeMillis();
        bindings.values().removeIf(binding -> {
            if (binding.expiresAtMillis < now) {
                markRegistered(binding.agentId, false);
                return true;
            }
            return false;
        });
    }

    void register(Request request, ServerTransaction transaction) throws Exception {
        String aor = userOf(
                ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI());
        AuthorizationHeader auth = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        if (auth == null) {
            challenge(request, transaction, false);
            return;
        }
        if (aor == null || !aor.equalsIgnoreCase(auth.getUsername())) {
            sip.respond(transaction, request, Response.FORBIDDEN, "Zugangsdaten gehören zu einem anderen Benutzer");
            return;
        }
        Optional<SipCredential> credential = agents.credential(auth.getUsername());
        NonceCheck nonce = checkNonce(auth.getNonce());
        if (credential.isEmpty() || nonce == NonceCheck.INVALID || !validResponse(request, auth, credential.get())) {
            log.info("Rejected REGISTER for {}: wrong credentials", aor);
            challenge(request, transaction, false);
            return;
        }
        if (nonce == NonceCheck.STALE) {
            challenge(request, transaction, true);
            return;
        }
        bind(request, transaction, credential.get());
    }

    private void bind(Request request, ServerTransaction transaction, SipCredential credential) throws Exception {
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        Response response = sip.response(Response.OK, request);
        if (contact == null) {
            // a query: RFC 3261 §10.3 step 8 lists the current bindings
            Optional<Binding> current = bindingOf(credential.agentId());
            if (current.isPresent()) {
                Binding b = current.get();
                response.addHeader(sip.contact(
                        b.contact(), (int) Math.max(0, (b.expiresAtMillis() - System.currentTimeMillis()) / 1000)));
            }
            transaction.sendResponse(response);
            return;
        }
        int expires = expires(request, contact);
        if (contact.getAddress().isWildcard() || expires == 0) {
            bindings.remove(credential.agentId());
            markRegistered(credential.agentId(), false);
            log.info("Phone of {} unregistered", credential.sipUser());
            transaction.sendResponse(response);
            return;
        }
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        URI uri = (URI) contact.getAddress().getURI().clone();
        bindings.put(
                credential.agentId(),
                new Binding(
                        credential.agentId(),
                        credential.sipUser(),
                        uri,
                        via.getTransport(),
                        System.currentTimeMillis() + expires * 1000L));
        markRegistered(credential.agentId(), true);
        response.addHeader(sip.contact(uri, expires));
        transaction.sendResponse(response);
    }

    private void markRegistered(UUID agentId, boolean registered) {
        try {
            switchboard.phoneRegistered(agentId, registered);
            if (registered
                    && properties.availableOnRegister()
                    && switchboard
                            .agentStatus(agentId)
                            .map(s -> s.state() == AgentState.LOGGED_OUT)
                            .orElse(false)) {
                switchboard.requestState(agentId, AgentState.AVAILABLE, null);
            }
        } catch (RoutingException e) {
            log.debug("Agent {} left while registering: {}", agentId, e.getMessage());
        }
    }

    private int expires(Request request, ContactHeader contact) {
        int expires = contact.getExpires();
        if (expires < 0) {
            ExpiresHeader header = request.getExpires();
            expires = header == null ? 3600 : header.getExpires();
        }
        return Math.min(expires, properties.maxExpires());
    }

    private void challenge(Request request, ServerTransaction transaction, boolean stale) throws Exception {
        Response response = sip.response(Response.UNAUTHORIZED, request);
        WWWAuthenticateHeader challenge = sip.headers().createWWWAuthenticateHeader("Digest");
        challenge.setRealm(properties.realm());
        challenge.setNonce(newNonce());
        challenge.setAlgorithm("MD5");
        challenge.setQop("auth");
        if (stale) {
            challenge.setStale(true);
        }
        response.addHeader(challenge);
        transaction.sendResponse(response);
    }

    private enum NonceCheck {
        VALID,
        STALE,
        INVALID
    }

    private String newNonce() {
        String issued = Long.toHexString(System.currentTimeMillis());
        return issued + "." + Digest.md5Hex(secret + ":" + issued);
    }

    private NonceCheck checkNonce(String nonce) {
        if (nonce == null) {
            return NonceCheck.INVALID;
        }
        int dot = nonce.indexOf('.');
        if (dot < 1 || !nonce.substring(dot + 1).equals(Digest.md5Hex(secret + ":" + nonce.substring(0, dot)))) {
            return NonceCheck.INVALID;
        }
        try {
            long issued = Long.parseLong(nonce.substring(0, dot), 16);
            return System.currentTimeMillis() - issued > NONCE_LIFETIME_MILLIS ? NonceCheck.STALE : NonceCheck.VALID;
        } catch (NumberFormatException e) {
            return NonceCheck.INVALID;
        }
    }

    /** RFC 2617 §3.2.2.1: request-digest with or without qop=auth. */
    private boolean validResponse(Request request, AuthorizationHeader auth, SipCredential credential) {
        if (auth.getRealm() == null || !auth.getRealm().equals(properties.realm()) || auth.getResponse() == null) {
            return false;
        }
        String algorithm = auth.getAlgorithm();
        if (algorithm != null && !algorithm.equalsIgnoreCase("MD5")) {
            return false;
        }
        String uri = auth.getParameter("uri");
        if (uri == null && auth.getURI() != null) {
            uri = auth.getURI().toString();
        }
        String ha2 = Digest.md5Hex(request.getMethod() + ":" + uri);
        String expected;
        String qop = auth.getQop();
        if (qop != null && !qop.isEmpty()) {
            String nc = auth.getParameter("nc");
            expected = Digest.md5Hex(credential.ha1() + ":" + auth.getNonce() + ":" + nc + ":" + auth.getCNonce() + ":"
                    + qop + ":" + ha2);
        } else {
            expected = Digest.md5Hex(credential.ha1() + ":" + auth.getNonce() + ":" + ha2);
        }
        return expected.equalsIgnoreCase(auth.getResponse());
    }

    static String userOf(URI uri) {
        return uri instanceof SipURI sipUri ? sipUri.getUser() : null;
    }
}
