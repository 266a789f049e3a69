package de.buergerservice.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.shared.BerlinTime;
import de.buergerservice.shared.audit.ChangeRecorder;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.ResourceNotFoundException;

/**
 * API tokens: an administrator creates one per user for a machine client; it acts with that user's roles and
 * tenants. Tokens look like {@code bst_…} so that the REST API tells them apart from OIDC access tokens (JWTs),
 * which go to the configured issuer.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class ApiTokenService {

    static final String AUDIT_TYPE = "ApiToken";
    public static final String PREFIX = "bst_";
    static final int MAX_VALID_DAYS = 731;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final UserAccountRepository accounts;
    private final CredentialCache cache;
    private final ChangeRecorder changes;
    private final Clock clock;

    ApiTokenService(
            ApiTokenRepository tokens,
            UserAccountRepository accounts,
            CredentialCache cache,
            ChangeRecorder changes,
            Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.cache = cache;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ApiTokenView> list(UUID userId) {
        requireUser(userId);
        return tokens.findByUserIdOrderByCreatedAtDesc(userId).stream()
                .map(ApiToken::toView)
                .toList();
    }

    public CreatedApiToken create(UUID userId, ApiTokenData data) {
        requireUser(userId);
        LocalDate today = LocalDate.now(clock.withZone(BerlinTime.ZONE));
        if (data.expiresOn().isBefore(today)) {
            throw new InvalidFieldException("expiresOn", "validation.apiToken.expiresOn.past");
        }
        if (data.expiresOn().isAfter(today.plusDays(MAX_VALID_DAYS))) {
            throw new InvalidFieldException("expiresOn", "validation.apiToken.expiresOn.far", MAX_VALID_DAYS);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt =
                data.expiresOn().plusDays(1).atStartOfDay(BerlinTime.ZONE).toInstant();
        ApiToken saved = tokens.saveAndFlush(new ApiToken(
                userId, data.name().strip(), sha256(token), token.substring(0, PREFIX.length() + 6), expiresAt));
        ApiTokenView view = saved.toView();
        changes.created(AUDIT_TYPE, saved.getId(), null, view);
        return new CreatedApiToken(view, token);
    }

    public void revoke(UUID userId, UUID tokenId) {
        ApiToken token =
                tokens.findByIdAndUserId(tokenId, userId).orElseThrow(() -> new ResourceNotFoundException("apiToken"));
        ApiTokenView before = token.toView();
        token.revoke(clock.instant());
        ApiTokenView after = tokens.saveAndFlush(token).toView();
        cache.evictUser(userId);
        changes.updated(AUDIT_TYPE, tokenId, null, before, after);
    }

    /** The user a token acts for, and until when. */
    record VerifiedToken(AccountPrincipal principal, Instant expiresAt) {}

    /** The user if {@code token} is a valid, unrevoked, unexpired token of an enabled user. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<VerifiedToken> verify(String token) {
        Instant now = clock.instant();
        return tokens.findByTokenHash(sha256(token)).filter(t -> t.validAt(now)).flatMap(t -> accounts.findById(
                        t.getUserId())
                .map(AccountPrincipal::of)
                .filter(AccountPrincipal::isEnabled)
                .map(principal -> new VerifiedToken(principal, t.getExpiresAt())));
    }

    private void requireUser(UUID userId) {
        if (!accounts.existsById(userId)) {
            throw new ResourceNotFoundException("user");
        }
    }

    static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
