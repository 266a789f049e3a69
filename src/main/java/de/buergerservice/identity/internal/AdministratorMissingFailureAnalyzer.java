package de.buergerservice.identity.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import de.buergerservice.identity.internal.AdministratorBootstrap.AdministratorMissingException;

/** Explains at start-up, in German and English, how to name the first administrator. */
class AdministratorMissingFailureAnalyzer extends AbstractFailureAnalyzer<AdministratorMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AdministratorMissingException cause) {
        String description = cause.invalidInput() == null
                ? "Es gibt kein Administratorkonto, und keines ist konfiguriert.\n"
                        + "No administrator account exists and none is configured."
                : "Der konfigurierte erste Administrator ist ungültig / the configured first administrator is "
                        + "invalid: " + cause.invalidInput();
        String action = "Setzen Sie beim ersten Start / on first start set:\n"
                + "    BUERGERSERVICE_ADMIN_USER=<name> (a-z, 0-9, . _ -)\n"
                + "    BUERGERSERVICE_ADMIN_PASSWORD=<mindestens 8 Zeichen / at least 8 characters>";
        return new FailureAnalysis(description, action, cause);
    }
}
