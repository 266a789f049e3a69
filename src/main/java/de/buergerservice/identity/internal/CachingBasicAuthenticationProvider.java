package de.buergerservice.identity.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * HTTP Basic for the REST API: the first request of a client checks the password with BCrypt, the following ones
 * within the {@link CredentialCache}'s lifetime reuse that result. A wrong password is never cached, so every
 * guess still costs the full hash.
 */
class CachingBasicAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final CredentialCache cache;

    CachingBasicAuthenticationProvider(DaoAuthenticationProvider passwords, CredentialCache cache) {
        this.passwords = passwords;
        this.cache = cache;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (username == null || !(credentials instanceof String password)) {
            return passwords.authenticate(authentication);
        }
        // the user name is normalised as the account is looked up: "Admin" and "admin" are the same account
        String key = cache.key("basic", username.strip().toLowerCase(java.util.Locale.ROOT) + '\0' + password);
        Authentication cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Authentication verified = passwords.authenticate(authentication);
        if (verified != null && verified.getPrincipal() instanceof AccountPrincipal principal) {
            principal.eraseCredentials();
            UsernamePasswordAuthenticationToken result =
                    UsernamePasswordAuthenticationToken.authenticated(principal, null, verified.getAuthorities());
            cache.put(key, result, principal.id(), null);
            return result;
        }
        return verified;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
