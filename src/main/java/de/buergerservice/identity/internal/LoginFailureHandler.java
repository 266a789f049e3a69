package de.buergerservice.identity.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A failed form login: a wrong password and an unknown name both go back to {@code /login?error} (one message for
 * both, no account enumeration). A throttled or locked login answers 429 or 403 with {@code Retry-After} and shows
 * the login page with the German message how long to wait — forwarded as a GET, so the login filter does not see
 * the attempt a second time.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

    static final String REFUSAL = "loginRefusal";
    static final String MINUTES = "loginRetryMinutes";

    private final AuthenticationFailureHandler wrongCredentials =
            new SimpleUrlAuthenticationFailureHandler("/login?error");

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        if (!(exception instanceof LoginThrottledException throttled)) {
            wrongCredentials.onAuthenticationFailure(request, response, exception);
            return;
        }
        response.setStatus(throttled.status());
        response.setHeader(
                HttpHeaders.RETRY_AFTER, String.valueOf(throttled.refusal().retryAfterSeconds()));
        request.setAttribute(REFUSAL, throttled.messageCode());
        request.setAttribute(MINUTES, throttled.minutes());
        HttpServletRequest asGet = new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return "GET";
            }
        };
        request.getRequestDispatcher("/login").forward(asGet, response);
    }
}
