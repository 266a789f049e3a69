package de.buergerservice.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the product finds user name, roles and tenants in tokens of an OIDC provider. Paths may be nested with
 * dots, e.g. Keycloak's {@code realm_access.roles}. Tenants are listed by slug.
 */
@ConfigurationProperties("buergerservice.security.oidc")
record OidcProperties(
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("tenants") String tenantsClaim) {}
