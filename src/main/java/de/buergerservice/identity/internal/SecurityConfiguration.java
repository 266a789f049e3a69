package de.buergerservice.identity.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import de.buergerservice.identity.LoginThrottle;
import de.buergerservice.shared.security.TenantScope;
import de.buergerservice.shared.web.ClientAddress;
import de.buergerservice.shared.web.ProblemResponder;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * Two filter chains. The REST API (and actuator) answers with problem+json, takes HTTP Basic (verified results
 * cached briefly, see {@link CredentialCache}), the product's API tokens ({@code Bearer bst_…}) or — when an
 * issuer is configured — OIDC bearer tokens, and also accepts the web UI's session (for htmx and server-sent
 * events); CSRF tokens are required for session-authenticated changes only. The web UI uses the German login
 * form (or OIDC login when a client is registered), CSRF protection and strict security headers.
 * Role rules live on the services ({@code @PreAuthorize}); an API controller method that repeats its rule is
 * refused before its body is read (see {@code AuthorizeBeforeBinding}: 403 comes before 400); tenant rules in
 * {@link TenantScope}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Scripts and styles only from our own origin: no inline script, no CDN. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
            + "base-uri 'self'; object-src 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The password check of the login form (the global authentication manager): throttled and locked out by
     * {@link LoginThrottleService}. HTTP Basic has its own, cached one below.
     */
    @Bean
    ThrottledAuthenticationProvider formLoginAuthentication(
            AccountUserDetailsService accounts, PasswordEncoder passwords, LoginThrottle throttle) {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(accounts);
        passwordCheck.setPasswordEncoder(passwords);
        return new ThrottledAuthenticationProvider(passwordCheck, throttle);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ProblemResponder problems,
            TenantDirectory tenants,
            TenantScope scope,
            ObjectProvider<JwtDecoder> jwtDecoder,
            ClaimsMapping claims,
            AccountUserDetailsService accounts,
            PasswordEncoder passwords,
            CredentialCache credentials,
            ApiTokenService apiTokens,
            LoginThrottle throttle,
            ClientAddress clients)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                // locked (403) or throttled (429): no WWW-Authenticate, a client must not just try again
                response.setHeader(
                        HttpHeaders.RETRY_AFTER,
                        String.valueOf(throttled.refusal().retryAfterSeconds()));
                problems.write(
                        request,
                        response,
                        HttpStatus.valueOf(throttled.status()),
                        throttled.messageCode(),
                        throttled.minutes());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Buergerservice\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "problemDetail.status.401");
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                problems.write(request, response, HttpStatus.FORBIDDEN, "problemDetail.status.403");
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(accounts);
        passwordCheck.setPasswordEncoder(passwords);
        // the API's own manager: a failed Basic login is not checked a second time by the global one
        http.authenticationManager(new ProviderManager(new ThrottledAuthenticationProvider(
                new CachingBasicAuthenticationProvider(passwordCheck, credentials), throttle)));
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(
                        auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                                .permitAll()
                                .requestMatchers("/actuator/**")
                                .hasRole("ADMIN")
                                .anyRequest()
                                .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized)
                        .authenticationDetailsSource(new ClientDetailsSource(clients)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // A request that carries its own credentials cannot be forged by another site's page.
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .addFilterBefore(
                        new ApiTokenAuthenticationFilter(apiTokens, credentials, problems),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(new TenantPathFilter(tenants, scope, problems), AuthorizationFilter.class);
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            JwtAuthenticationProvider jwtCheck = new JwtAuthenticationProvider(decoder);
            jwtCheck.setJwtAuthenticationConverter(token -> {
                ClaimsPrincipal principal = claims.principal(token.getClaims(), token.getSubject());
                return UsernamePasswordAuthenticationToken.authenticated(
                        principal, token, ClaimsMapping.authorities(principal));
            });
            DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
            // our own tokens (bst_…) are checked by ApiTokenAuthenticationFilter, every other bearer token is a JWT
            BearerTokenResolver jwtsOnly = request ->
                    ApiTokenAuthenticationFilter.ownToken(request) != null ? null : standard.resolve(request);
            http.oauth2ResourceServer(resource -> resource.authenticationEntryPoint(unauthorized)
                    .bearerTokenResolver(jwtsOnly)
                    .jwt(jwt -> jwt.authenticationManager(new ProviderManager(jwtCheck))));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(
            HttpSecurity http,
            ObjectProvider<ClientRegistrationRepository> oidcClients,
            ClaimsMapping claims,
            ClientAddress clients)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .permitAll()
                        .authenticationDetailsSource(new ClientDetailsSource(clients))
                        .failureHandler(new LoginFailureHandler()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions ->
                                permissions.policy("camera=(), microphone=(), geolocation=(), payment=()")));
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/login")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUserService(claims))));
        }
        return http.build();
    }

    private static OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(ClaimsMapping claims) {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser user = standard.loadUser(request);
            ClaimsPrincipal principal = claims.principal(user.getClaims(), user.getSubject());
            return new ScopedOidcUser(
                    ClaimsMapping.authorities(principal), user.getIdToken(), user.getUserInfo(), principal);
        };
    }
}
