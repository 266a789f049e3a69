package de.buergerservice.portal.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The portal is public: its pages ({@link PortalPaths}) and the JSON feed need no login. This chain comes before
 * the API's and the web UI's and matches nothing else, so every other page stays behind the login. It keeps the
 * web UI's security headers and CSRF protection (the contact form), but leaves Cache-Control to the portal, which
 * answers with ETag and Last-Modified so that browsers revalidate instead of storing nothing. The feed never opens
 * a session.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    /** As the web UI's: scripts and styles only from our own origin, no inline script, no CDN. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
            + "base-uri 'self'; object-src 'none'";

    @Bean
    @Order(0)
    SecurityFilterChain portalSecurity(HttpSecurity http, PortalContent content) throws Exception {
        RequestMatcher feed = request -> PortalPaths.isFeed(path(request));
        RequestMatcher pages = request -> PortalPaths.isPortalPage(path(request), content::isKnownSlug);
        http.securityMatcher(request -> feed.matches(request) || pages.matches(request))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.ignoringRequestMatchers(feed))
                .headers(headers -> headers.cacheControl(cache -> cache.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions ->
                                permissions.policy("camera=(), microphone=(), geolocation=(), payment=()")));
        return http.build();
    }

    private static String path(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
