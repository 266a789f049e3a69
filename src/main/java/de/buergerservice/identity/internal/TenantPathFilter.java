package de.buergerservice.identity.internal;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import de.buergerservice.shared.security.TenantScope;
import de.buergerservice.shared.web.ProblemResponder;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * The central tenant check of the REST API. Everything below {@code /api/v1/tenants/{slug}} belongs to one
 * municipality; a signed-in user who may not see it gets 404 — the same answer as for a tenant that does not
 * exist — before any controller of any module runs. Record ids within the path are checked again by the
 * module that owns them (a department of another tenant is not found under this tenant's path).
 */
class TenantPathFilter extends OncePerRequestFilter {

    private static final Pattern TENANT_PATH = Pattern.compile("^/api/v1/tenants/([^/]+)(/.*)?$");

    private final TenantDirectory tenants;
    private final TenantScope scope;
    private final ProblemResponder problems;

    TenantPathFilter(TenantDirectory tenants, TenantScope scope, ProblemResponder problems) {
        this.tenants = tenants;
        this.scope = scope;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = TENANT_PATH.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        if (path.matches() && isSignedIn() && !visible(path.group(1))) {
            problems.write(request, response, HttpStatus.NOT_FOUND, "problemDetail.notFound.tenant");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean visible(String slug) {
        return tenants.findBySlug(slug)
                .map(TenantInfo::id)
                .filter(scope::permits)
                .isPresent();
    }

    /** Anonymous requests are left to the authorization filter, which answers 401. */
    private static boolean isSignedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }
}
