package de.buergerservice.identity.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import de.buergerservice.identity.LoginThrottle;

/**
 * Puts {@link LoginThrottle} around a password check (login form, HTTP Basic): a locked name or a throttled
 * address is refused before the password is looked at; every other failure — wrong password, unknown name,
 * disabled account — is counted alike. The client address comes from the request's authentication details,
 * which {@link ClientDetailsSource} fills with the proxy-aware address.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String client = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        var refusal = throttle.check(username, client);
        if (refusal.isPresent()) {
            throw new LoginThrottledException(refusal.get());
        }
        Authentication verified;
        try {
            verified = passwords.authenticate(authentication);
        } catch (AuthenticationException e) {
            throttle.failed(username, client);
            throw e;
        }
        if (verified != null) {
            throttle.succeeded(username, client);
        }
        return verified;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
