/**
 * Kontakt: one record per contact with a citizen on any channel — for a call, created from the telephony events
 * when it is answered — the agent's desk (screen pop, knowledge at hand, documentation) and the outcome that
 * first-contact resolution is counted from ({@link FirstContactResolution}). What the first contact could not
 * solve leaves as {@link ContactHandedOff} for the back office; reporting counts {@link ContactDocumented}.
 */
@ApplicationModule(
        displayName = "Kontakt (contact)",
        allowedDependencies = {"tenancy", "identity", "knowledge", "telephony", "shared"})
package de.buergerservice.contact;

import org.springframework.modulith.ApplicationModule;
