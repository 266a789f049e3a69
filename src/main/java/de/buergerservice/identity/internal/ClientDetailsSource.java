package de.buergerservice.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import de.buergerservice.shared.web.ClientAddress;

/** Authentication details with the client address as {@link ClientAddress} sees it (trusted proxies only). */
record ClientDetailsSource(ClientAddress clients)
        implements AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> {

    @Override
    public WebAuthenticationDetails buildDetails(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return new WebAuthenticationDetails(clients.of(request), session == null ? null : session.getId());
    }
}
