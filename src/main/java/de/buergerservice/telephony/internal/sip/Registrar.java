package de.buergerservice.telephony.internal.sip;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
import de.buergerservice.telephony.internal.RegistrationStore;
import de.buergerservice.telephony.internal.RestartRecovery;
import de.buergerservice.telephony.internal.SipCredential;
import de.buergerservice.telephony.internal.routing.RoutingException;
import de.buergerservice.telephony.internal.routing.Switchboard;

/**
 * The registrar (RFC 3261 §10): binds an agent's phone to the agent after digest authentication (RFC 2617 with
 * qop=auth; SHA-256 first and MD5 beside it, RFC 8760, where {@code digest-sha256} is on). Repeated wrong digests lock the source address and
 * user out for a while ({@link RegisterLockout}: 403 without a further check). No anonymous registration: a REGISTER without credentials
 * gets 401 with a challenge; wrong credentials get a fresh challenge (401), an expired nonce one with stale=true;
 * credentials of another user than the one registered get 403.
 *
 * <p>Bindings are kept in memory for routing and in {@code telephony_registration} ({@link RegistrationStore}), so
 * a restart restores them ({@link #restore}): the phones are reachable at once, not only after their next REGISTER.
 * A new registration logs a LOGGED_OUT agent in ({@code available-on-register}); a refresh of a live binding does
 * not, so an agent who logged out stays out while the phone keeps registering. Unregistering (Expires: 0) and
 * expiry log the agent out (reasons {@code unregistered}, {@code registration-expired}).
 *
 * <p>Nonces are stateless ({@link DigestNonces}): issue time plus an HMAC-SHA256 under the server secret
 * ({@code buergerservice.sip.nonce-secret}, else random per process), valid five minutes; digests are compared in
 * constant time.
 */
class Registrar {

    private static final Logger log = LoggerFactory.getLogger(Registrar.class);
    private static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);
    static final String LOCKED = "Zu viele Fehlversuche, Anmeldung vorübergehend gesperrt";

    /** Where an agent's phone can be reached, until when. */
    record Binding(UUID agentId, String sipUser, URI contact, String transport, long expiresAtMillis) {}

    private final SipMessages sip;
    private final AgentService agents;
    private final Switchboard switchboard;
    private final SipProperties properties;
    private final DigestNonces nonces;
    private final RegistrationStore store;
    private final RegisterLockout lockout;
    private final Map<UUID, Binding> bindings = new ConcurrentHashMap<>();

    Registrar(
            SipMessages sip,
            AgentService agents,
            Switchboard switchboard,
            SipProperties properties,
            RegistrationStore store,
            RegisterLockout lockout) {
        this.sip = sip;
        this.lockout = lockout;
        this.store = store;
        this.agents = agents;
        this.switchboard = switchboard;
        this.properties = properties;
        this.nonces =
                new DigestNonces(DigestNonces.secret(properties.nonceSecret()), NONCE_LIFETIME, Clock.systemUTC());
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

    /** Drops bindings whose time is up; the agent's phone is then unreachable and the agent logged out. */
    void expire() {
        long now = System.currentTimeMillis();
        for (Binding binding : bindings.values()) {
            if (binding.expiresAtMillis < now && bindings.remove(binding.agentId(), binding)) {
                forget(binding.agentId());
                phoneGone(binding.agentId(), Switchboard.EXPIRED_REASON);
                log.info("Registration of {} expired", binding.sipUser());
            }
        }
    }

    /**
     * Restores the stored bindings that have not expired (at start, before calls are taken). The agent comes back
     * as it was before the restart ({@code before}): working (available, ringing, talking, wrap-up) → AVAILABLE,
     * paused → PAUSED with its reason; an agent that was logged out stays logged out until the phone's next new
     * registration.
     */
    int restore(Function<UUID, Optional<RestartRecovery.AgentBefore>> before) {
        int restored = 0;
        for (RegistrationStore.StoredBinding stored : store.unexpired(Instant.now())) {
            Optional<SipCredential> credential = agents.credential(stored.sipUser());
            if (credential.isEmpty() || !credential.get().agentId().equals(stored.agentId())) {
                store.delete(stored.agentId()); // the agent was renamed or deleted meanwhile
                continue;
            }
            try {
                URI contact = sip.addresses().createURI(stored.contact());
                bindings.put(
                        stored.agentId(),
                        new Binding(
                                stored.agentId(),
                                stored.sipUser(),
                                contact,
                                stored.transport(),
                                stored.expiresAt().toEpochMilli()));
                switchboard.phoneRegistered(stored.agentId(), true);
                Optional<RestartRecovery.AgentBefore> was = before.apply(stored.agentId());
                if (was.isPresent()) {
                    switchboard.requestState(stored.agentId(), AgentState.AVAILABLE, null);
                    if (was.get().state() == AgentState.PAUSED) {
                        switchboard.requestState(
                                stored.agentId(), AgentState.PAUSED, was.get().reason());
                    }
                }
                restored++;
            } catch (Exception e) {
                log.warn("Registration of {} not restored: {}", stored.sipUser(), e.toString());
            }
        }
        return restored;
    }

    void register(Request request, ServerTransaction transaction) throws Exception {
        String aor = userOf(
                ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI());
        AuthorizationHeader auth = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        if (auth == null) {
            challenge(request, transaction, false, offersSha256(aor));
            return;
        }
        if (aor == null || !aor.equalsIgnoreCase(auth.getUsername())) {
            sip.respond(transaction, request, Response.FORBIDDEN, "Zugangsdaten gehören zu einem anderen Benutzer");
            return;
        }
        String source = source(request);
        if (lockout.locked(source, aor)) {
            // no digest is checked for a locked pair: guessing on is pointless (RegisterLockout)
            sip.respond(transaction, request, Response.FORBIDDEN, LOCKED);
            return;
        }
        Optional<SipCredential> credential = agents.credential(auth.getUsername());
        DigestNonces.Check nonce = nonces.check(auth.getNonce());
        if (credential.isEmpty()
                || nonce == DigestNonces.Check.INVALID
                || !validResponse(request, auth, credential.get())) {
            log.info("Rejected REGISTER for {}: wrong credentials", aor);
            lockout.failed(source, aor);
            challenge(
                    request,
                    transaction,
                    false,
                    credential.map(SipCredential::ha1Sha256).isPresent());
            return;
        }
        lockout.succeeded(source, aor);
        if (nonce == DigestNonces.Check.STALE) {
            challenge(request, transaction, true, offersSha256(aor));
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
            forget(credential.agentId());
            phoneGone(credential.agentId(), Switchboard.UNREGISTERED_REASON);
            log.info("Phone of {} unregistered", credential.sipUser());
            transaction.sendResponse(response);
            return;
        }
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        URI uri = (URI) contact.getAddress().getURI().clone();
        Binding binding = new Binding(
                credential.agentId(),
                credential.sipUser(),
                uri,
                via.getTransport(),
                System.currentTimeMillis() + expires * 1000L);
        boolean fresh = bindingOf(credential.agentId()).isEmpty();
        bindings.put(credential.agentId(), binding);
        try {
            store.save(
                    new RegistrationStore.StoredBinding(
                            binding.agentId(),
                            binding.sipUser(),
                            uri.toString(),
                            binding.transport(),
                            Instant.ofEpochMilli(binding.expiresAtMillis())),
                    Instant.now());
        } catch (RuntimeException e) {
            // the phone is reachable now; only a restart before its next REGISTER would not know it
            log.warn("Registration of {} not stored: {}", credential.sipUser(), e.toString());
        }
        markRegistered(credential.agentId(), fresh);
        response.addHeader(sip.contact(uri, expires));
        transaction.sendResponse(response);
    }

    private void forget(UUID agentId) {
        try {
            store.delete(agentId);
        } catch (RuntimeException e) {
            log.warn("Registration of agent {} not removed from the database: {}", agentId, e.toString());
        }
    }

    private void phoneGone(UUID agentId, String reason) {
        try {
            switchboard.phoneUnregistered(agentId, reason);
        } catch (RoutingException e) {
            log.debug("Agent {} left while unregistering: {}", agentId, e.getMessage());
        }
    }

    /** A phone registered; a new registration (not a refresh) logs a LOGGED_OUT agent in, if so configured. */
    private void markRegistered(UUID agentId, boolean fresh) {
        try {
            switchboard.phoneRegistered(agentId, true);
            if (fresh
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

    /**
     * RFC 8760: with {@code buergerservice.sip.digest-sha256=true} one challenge per algorithm, SHA-256 first (the
     * preferred) and MD5 beside it, both with the same nonce; either answer is accepted. It is off by default because
     * phones in use fail on a challenge they cannot compute instead of taking the next: Debian's baresip 1.0 answers
     * any SHA-256 challenge with "Function not implemented" and never registers. {@code sha256} is false only where
     * the agent is known to have no SHA-256 HA1 yet; for an unknown user it is offered like for a known one, so the
     * answer does not tell whether the user exists.
     */
    private void challenge(Request request, ServerTransaction transaction, boolean stale, boolean sha256)
            throws Exception {
        Response response = sip.response(Response.UNAUTHORIZED, request);
        String nonce = nonces.issue();
        if (sha256 && properties.digestSha256()) {
            response.addHeader(challenge("SHA-256", nonce, stale));
        }
        response.addHeader(challenge("MD5", nonce, stale));
        transaction.sendResponse(response);
    }

    private WWWAuthenticateHeader challenge(String algorithm, String nonce, boolean stale) throws Exception {
        WWWAuthenticateHeader challenge = sip.headers().createWWWAuthenticateHeader("Digest");
        challenge.setRealm(properties.realm());
        challenge.setNonce(nonce);
        challenge.setAlgorithm(algorithm);
        challenge.setQop("auth");
        if (stale) {
            challenge.setStale(true);
        }
        return challenge;
    }

    /** RFC 2617 §3.2.2.1 (MD5) and RFC 8760 (SHA-256): request-digest with or without qop=auth. */
    private boolean validResponse(Request request, AuthorizationHeader auth, SipCredential credential) {
        if (auth.getRealm() == null || !auth.getRealm().equals(properties.realm()) || auth.getResponse() == null) {
            return false;
        }
        String algorithm = auth.getAlgorithm();
        Function<String, String> hash;
        String ha1;
        if (algorithm == null || algorithm.equalsIgnoreCase("MD5")) {
            hash = Digest::md5Hex;
            ha1 = credential.ha1();
        } else if (algorithm.equalsIgnoreCase("SHA-256")) {
            hash = Digest::sha256Hex;
            ha1 = credential.ha1Sha256();
        } else {
            return false;
        }
        if (ha1 == null) {
            return false;
        }
        String uri = auth.getParameter("uri");
        if (uri == null && auth.getURI() != null) {
            uri = auth.getURI().toString();
        }
        String ha2 = hash.apply(request.getMethod() + ":" + uri);
        String expected;
        String qop = auth.getQop();
        if (qop != null && !qop.isEmpty()) {
            String nc = auth.getParameter("nc");
            expected =
                    hash.apply(ha1 + ":" + auth.getNonce() + ":" + nc + ":" + auth.getCNonce() + ":" + qop + ":" + ha2);
        } else {
            expected = hash.apply(ha1 + ":" + auth.getNonce() + ":" + ha2);
        }
        return DigestNonces.equal(expected, auth.getResponse());
    }

    /**
     * SHA-256 is offered unless the agent is known to have no SHA-256 HA1 (password set before it was stored): a
     * phone that prefers SHA-256 could never register then. Unknown users get both, like agents with both HA1s.
     */
    private boolean offersSha256(String aor) {
        return aor == null
                || agents.credential(aor).map(c -> c.ha1Sha256() != null).orElse(true);
    }

    /** The address the REGISTER came from (the lock-out's key with the user). */
    private static String source(Request request) {
        if (request instanceof gov.nist.javax.sip.message.SIPRequest nist && nist.getRemoteAddress() != null) {
            return nist.getRemoteAddress().getHostAddress();
        }
        return "unknown";
    }

    static String userOf(URI uri) {
        return uri instanceof SipURI sipUri ? sipUri.getUser() : null;
    }
}
