/**
 * Berichte: the KPIs of the cooperation (offered, answered, abandoned, ASA, service level in its common variants,
 * first-contact resolution, handle time, occupancy) computed from telephony's append-only call events and the
 * contact module's documented outcomes — interval aggregates kept incrementally from the {@code CallEventFeed},
 * the live wallboard, the report page, the interim report (PDF/CSV) and billing.
 *
 * <p>The KPI core ({@link de.buergerservice.reporting.KpiFold}, {@link de.buergerservice.reporting.KpiCounts},
 * {@link de.buergerservice.reporting.KpiFigures}) is pure and public: its input is {@link
 * de.buergerservice.reporting.KpiEvent}, so the planning module's simulation can feed it the routing core's events.
 */
@ApplicationModule(
        displayName = "Berichte (reporting)",
        allowedDependencies = {"tenancy", "telephony", "contact", "identity", "shared"})
package de.buergerservice.reporting;

import org.springframework.modulith.ApplicationModule;
