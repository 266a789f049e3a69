package de.buergerservice.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import de.buergerservice.shared.web.ProblemResponder;

/**
 * {@code Authorization: Bearer bst_…}: the product's own API tokens. Any other bearer token is left to the OIDC
 * resource server (when an issuer is configured). An unknown, revoked or expired token is refused with 401
 * problem+json right here — it never falls back to anonymous access.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private final ApiTokenService tokens;
    private final CredentialCache cache;
    private final ProblemResponder problems;

    ApiTokenAuthenticationFilter(ApiTokenService tokens, CredentialCache cache, ProblemResponder problems) {
        this.tokens = tokens;
        this.cache = cache;
        this.problems = problems;
    }

    /** The product's token in the header, or {@code null} if the request carries none. */
    static String ownToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, 7)) {
            return null;
        }
        String token = header.substring(BEARER.length()).strip();
        return token.startsWith(ApiTokenService.PREFIX) ? token : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = ownToken(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        String key = cache.key("token", token);
        Authentication authentication = cache.get(key);
        if (authentication == null) {
            var verified = tokens.verify(token);
            if (verified.isEmpty()) {
                SecurityContextHolder.clearContext();
                response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "problemDetail.apiToken.invalid");
                return;
            }
            AccountPrincipal principal = verified.get().principal();
            principal.eraseCredentials();
            authentication =
                    UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
            cache.put(key, authentication, principal.id(), verified.get().expiresAt());
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
