/**
 * Benutzer und Rechte: users and roles, login (form, HTTP Basic, OIDC/JWT), the central tenant check of the REST
 * API, and the audit log. Other modules use {@link UserDirectory}.
 */
@ApplicationModule(
        displayName = "Benutzer (identity)",
        allowedDependencies = {"tenancy", "shared"})
package de.buergerservice.identity;

import org.springframework.modulith.ApplicationModule;
