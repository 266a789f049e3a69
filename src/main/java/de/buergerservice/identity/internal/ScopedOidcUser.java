package de.buergerservice.identity.internal;

import java.io.Serial;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import de.buergerservice.shared.security.ScopedPrincipal;

/** A user signed in to the web UI through OIDC, with roles and tenants mapped from the identity provider's claims. */
class ScopedOidcUser extends DefaultOidcUser implements ScopedPrincipal {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ClaimsPrincipal claims;

    ScopedOidcUser(
            Collection<? extends GrantedAuthority> authorities,
            OidcIdToken idToken,
            OidcUserInfo userInfo,
            ClaimsPrincipal claims) {
        super(authorities, idToken, userInfo);
        this.claims = claims;
    }

    @Override
    public String username() {
        return claims.username();
    }

    @Override
    public boolean restrictedToTenants() {
        return claims.restrictedToTenants();
    }

    @Override
    public Set<UUID> tenantIds() {
        return claims.tenantIds();
    }

    @Override
    public String getName() {
        return claims.username();
    }
}
