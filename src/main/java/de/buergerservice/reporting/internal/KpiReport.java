package de.buergerservice.reporting.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import de.buergerservice.reporting.Granularity;
import de.buergerservice.reporting.KpiFigures;

/**
 * The KPIs of one agreement (its client municipality) for a period, per interval and in total. {@code from} and
 * {@code to} are the days actually covered (the request cut to the agreement's term).
 */
public record KpiReport(
        UUID agreementId,
        UUID tenantId,
        LocalDate from,
        LocalDate to,
        Granularity interval,
        int serviceLevelThresholdSeconds,
        int shortAbandonSeconds,
        List<Interval> intervals,
        KpiFigures total) {

    /** One interval: its start as an instant and as the Berlin date (or date-time below a day). */
    public record Interval(Instant start, String label, KpiFigures figures) {}
}
