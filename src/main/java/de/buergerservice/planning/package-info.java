/**
 * Kapazitätsplanung: how many agents keep a municipality's promise — Erlang C and Erlang A staffing maths, and a
 * discrete-event simulation that drives telephony's real routing core ({@code telephony :: routing}) at virtual
 * time, with the what-if page, its REST API and a command-line mode.
 */
@ApplicationModule(
        displayName = "Kapazitätsplanung (planning)",
        allowedDependencies = {"telephony", "telephony :: routing", "tenancy", "reporting", "contact", "shared"})
package de.buergerservice.planning;

import org.springframework.modulith.ApplicationModule;
