package de.buergerservice.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.contact.ContactOutcome;
import de.buergerservice.reporting.Granularity;
import de.buergerservice.reporting.KpiCounts;
import de.buergerservice.reporting.KpiFigures;
import de.buergerservice.shared.security.TenantScope;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.tenancy.AgreementInfo;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * Answers report questions for the current user: an agreement is visible when its client municipality is
 * (management and back office see only their own; a foreign agreement is "not found"). Reads only the interval
 * aggregates and the documented contacts, never the raw events.
 */
@Service
@Transactional(readOnly = true)
public class ReportingService {

    /** The longest period one request may cover (a year and a bit, for a trial phase across a year boundary). */
    static final long MAX_DAYS = 400;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final TenantDirectory tenants;
    private final TenantScope scope;
    private final KpiStore store;
    private final Wallboard wallboard;
    private final int shortAbandonSeconds;

    ReportingService(
            TenantDirectory tenants,
            TenantScope scope,
            KpiStore store,
            Wallboard wallboard,
            @Value("${buergerservice.reporting.short-abandon-seconds:" + KpiFigures.DEFAULT_SHORT_ABANDON_SECONDS + "}")
                    int shortAbandonSeconds) {
        this.tenants = tenants;
        this.scope = scope;
        this.store = store;
        this.wallboard = wallboard;
        this.shortAbandonSeconds = shortAbandonSeconds;
    }

    /** The agreement if the current user may see its municipality, else 404. */
    public AgreementInfo agreement(UUID agreementId) {
        if (agreementId != null) {
            for (TenantInfo tenant : tenants.findAll()) {
                if (!scope.permits(tenant.id())) {
                    continue;
                }
                for (AgreementInfo agreement : tenants.agreementsFor(tenant.id())) {
                    if (agreement.id().equals(agreementId)) {
                        return agreement;
                    }
                }
            }
        }
        throw new ResourceNotFoundException("agreement");
    }

    /** The agreements the current user may see, with their municipality's name. */
    public List<AgreementChoice> agreements() {
        List<AgreementChoice> result = new ArrayList<>();
        for (TenantInfo tenant : tenants.findAll()) {
            if (scope.permits(tenant.id())) {
                for (AgreementInfo agreement : tenants.agreementsFor(tenant.id())) {
                    result.add(new AgreementChoice(agreement, tenant.name()));
                }
            }
        }
        result.sort(java.util.Comparator.comparing(AgreementChoice::tenantName));
        return result;
    }

    public record AgreementChoice(AgreementInfo agreement, String tenantName) {}

    public String tenantName(UUID tenantId) {
        return tenants.findById(tenantId).map(TenantInfo::name).orElse("?");
    }

    /** The KPIs of the agreement for the days {@code from}–{@code to} (inclusive), per {@code interval}. */
    public KpiReport kpis(UUID agreementId, LocalDate from, LocalDate to, Granularity interval) {
        AgreementInfo agreement = agreement(agreementId);
        checkPeriod(from, to);
        return kpis(agreement, from, to, interval);
    }

    KpiReport kpis(AgreementInfo agreement, LocalDate from, LocalDate to, Granularity interval) {
        Period period = period(agreement, from, to);
        return kpis(agreement, period, interval, read(agreement.clientTenantId(), period, interval));
    }

    /** The agreement's days within {@code from}–{@code to}; empty ({@code end} before {@code start}) if none. */
    record Period(LocalDate start, LocalDate end) {

        boolean isEmpty() {
            return end.isBefore(start);
        }

        Instant from() {
            return Granularity.startOfDay(start);
        }

        Instant to() {
            return Granularity.startOfDay(end.plusDays(1));
        }
    }

    /**
     * What a report of the period reads: the municipality's counters per day (per quarter hour for intervals
     * shorter than a day), documented contacts per quarter hour, and the agents' time — from the rollups, never
     * the per-agent rows or the raw events.
     */
    record Source(
            TreeMap<Instant, KpiCounts> counts,
            TreeMap<Instant, Map<ContactOutcome, Long>> outcomes,
            KpiCounts agents,
            long handledByAll) {}

    static Period period(AgreementInfo agreement, LocalDate from, LocalDate to) {
        LocalDate start = from.isBefore(agreement.startDate()) ? agreement.startDate() : from;
        LocalDate end = agreement.endDate() != null && to.isAfter(agreement.endDate()) ? agreement.endDate() : to;
        return new Period(start, end);
    }

    Source read(UUID tenant, Period period, Granularity interval) {
        if (period.isEmpty()) {
            return new Source(new TreeMap<>(), new TreeMap<>(), new KpiCounts(), 0);
        }
        Instant from = period.from();
        Instant to = period.to();
        TreeMap<Instant, KpiCounts> counts = interval.compareTo(Granularity.DAY) >= 0
                ? store.days(tenant, from, to)
                : store.quarters(tenant, from, to);
        return new Source(
                counts,
                store.outcomesByQuarter(tenant, from, to),
                store.agentTime(from, to),
                store.handledByAll(from, to));
    }

    KpiReport kpis(AgreementInfo agreement, Period period, Granularity interval, Source source) {
        int threshold = agreement.serviceLevelTarget().withinSeconds();
        if (period.isEmpty()) {
            return new KpiReport(
                    agreement.id(),
                    agreement.clientTenantId(),
                    period.start(),
                    period.start().minusDays(1),
                    interval,
                    threshold,
                    shortAbandonSeconds,
                    List.of(),
                    KpiFigures.of(new KpiCounts(), threshold, shortAbandonSeconds, Map.of(), null, null));
        }
        Instant fromInstant = period.from();
        Instant toInstant = period.to();
        List<KpiReport.Interval> intervals = new ArrayList<>();
        KpiCounts total = new KpiCounts();
        Map<ContactOutcome, Long> totalOutcomes = new EnumMap<>(ContactOutcome.class);
        for (Instant s = interval.startOf(fromInstant); s.isBefore(toInstant); s = interval.next(s)) {
            Instant e = interval.next(s);
            KpiCounts counts = new KpiCounts();
            for (KpiCounts c : source.counts().subMap(s, e).values()) {
                counts.add(c);
            }
            Map<ContactOutcome, Long> documented = new EnumMap<>(ContactOutcome.class);
            for (Map<ContactOutcome, Long> o : ((NavigableMap<Instant, Map<ContactOutcome, Long>>) source.outcomes())
                    .subMap(s, true, e, false)
                    .values()) {
                o.forEach((k, v) -> documented.merge(k, v, Long::sum));
            }
            total.add(counts);
            documented.forEach((k, v) -> totalOutcomes.merge(k, v, Long::sum));
            intervals.add(new KpiReport.Interval(
                    s,
                    label(s, interval),
                    KpiFigures.of(counts, threshold, shortAbandonSeconds, documented, null, null)));
        }
        return new KpiReport(
                agreement.id(),
                agreement.clientTenantId(),
                period.start(),
                period.end(),
                interval,
                threshold,
                shortAbandonSeconds,
                List.copyOf(intervals),
                KpiFigures.of(
                        total, threshold, shortAbandonSeconds, totalOutcomes, source.agents(), source.handledByAll()));
    }

    // --- per agent --------------------------------------------------------------------------------------------

    /**
     * One agent's figures in a period. {@code contactsOfMunicipality}: calls of the agreement's municipality the agent
     * handled. The rest is the agent's whole ServiceCenter day (an agent serves several municipalities, its time
     * cannot be split): null for a user limited to municipalities, who sees only its own contacts per agent.
     */
    public record AgentFigures(
            UUID agentId,
            String name,
            long contactsOfMunicipality,
            Long contacts,
            BigDecimal loggedInHours,
            BigDecimal occupancy,
            BigDecimal contactsPerAgentHour) {}

    public record AgentReport(
            UUID agreementId, LocalDate from, LocalDate to, boolean serviceCenterView, List<AgentFigures> agents) {}

    /**
     * Occupancy and contacts per logged-in agent hour per agent for the agreement's days {@code from}–{@code to}
     * (cut to its term), with the definitions of {@link KpiFigures#of}. The ServiceCenter (a user not limited to
     * municipalities) sees every agent with time or contacts in the period; a municipality's user only the agents
     * who handled its calls, with those contacts and nothing of their other municipalities' work.
     */
    public AgentReport agents(UUID agreementId, LocalDate from, LocalDate to) {
        AgreementInfo agreement = agreement(agreementId);
        checkPeriod(from, to);
        Period period = period(agreement, from, to);
        boolean serviceCenter = scope.restriction().isEmpty();
        List<AgentFigures> result = new ArrayList<>();
        if (!period.isEmpty()) {
            Map<UUID, String> names = wallboard.agentNames();
            int threshold = agreement.serviceLevelTarget().withinSeconds();
            store.perAgent(agreement.clientTenantId(), period.from(), period.to())
                    .forEach((agent, c) -> {
                        String name = names.getOrDefault(agent, agent.toString().substring(0, 8));
                        if (!serviceCenter) {
                            if (c.handledOfTenant > 0) {
                                result.add(new AgentFigures(agent, name, c.handledOfTenant, null, null, null, null));
                            }
                            return;
                        }
                        KpiFigures f = KpiFigures.of(
                                new KpiCounts(), threshold, shortAbandonSeconds, Map.of(), c.time, c.handledByAll);
                        long loggedInMs = c.time.availableMs()
                                + c.time.ringingMs()
                                + c.time.talkingMs()
                                + c.time.wrapUpStateMs()
                                + c.time.pausedMs();
                        result.add(new AgentFigures(
                                agent,
                                name,
                                c.handledOfTenant,
                                c.handledByAll,
                                BigDecimal.valueOf(loggedInMs)
                                        .divide(BigDecimal.valueOf(3_600_000L), 3, RoundingMode.HALF_UP),
                                f.occupancy(),
                                f.contactsPerAgentHour()));
                    });
        }
        result.sort(java.util.Comparator.comparing(AgentFigures::name).thenComparing(AgentFigures::agentId));
        return new AgentReport(agreement.id(), period.start(), period.end(), serviceCenter, List.copyOf(result));
    }

    static String label(Instant start, Granularity interval) {
        return switch (interval) {
            case QUARTER_HOUR, HOUR -> TIME.format(start.atZone(Granularity.ZONE));
            case DAY, WEEK -> start.atZone(Granularity.ZONE).toLocalDate().toString();
            case MONTH -> YearMonth.from(start.atZone(Granularity.ZONE)).toString();
        };
    }

    static void checkPeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "validation.reporting.periodReversed");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidFieldException("to", "validation.reporting.periodTooLong", MAX_DAYS);
        }
    }

    // --- the report: months, days, charts, targets -------------------------------------------------------------

    /** The agreement's report for {@code from}–{@code to}: monthly table, daily series, charts, targets. */
    public ReportData report(UUID agreementId, LocalDate from, LocalDate to) {
        AgreementInfo agreement = agreement(agreementId);
        checkPeriod(from, to);
        // one read of the period's days serves the monthly table, the daily series and the wait distribution
        Period period = period(agreement, from, to);
        Source source = read(agreement.clientTenantId(), period, Granularity.DAY);
        KpiReport months = kpis(agreement, period, Granularity.MONTH, source);
        KpiReport days = kpis(agreement, period, Granularity.DAY, source);
        java.util.SortedMap<java.time.LocalTime, Long> arrivals = new TreeMap<>();
        for (int q = 0; q < 96; q++) {
            arrivals.put(java.time.LocalTime.MIN.plusMinutes(15L * q), 0L);
        }
        KpiCounts all = new KpiCounts();
        source.counts().values().forEach(all::add);
        if (!period.isEmpty()) {
            store.arrivals(agreement.clientTenantId(), period.from(), period.to())
                    .forEach((start, offered) ->
                            arrivals.merge(start.atZone(Granularity.ZONE).toLocalTime(), offered, Long::sum));
        }
        Map<String, Long> waits = new java.util.LinkedHashMap<>();
        int[] edges = {0, 10, 20, 30, 60, 120, 300};
        for (int i = 0; i < edges.length; i++) {
            int low = edges[i];
            int high = i + 1 < edges.length ? edges[i + 1] : Integer.MAX_VALUE;
            long n = 0;
            for (var e : all.answeredWaits().entrySet()) {
                if (e.getKey() > low && e.getKey() <= high || low == 0 && e.getKey() == 0) {
                    n += e.getValue();
                }
            }
            for (var e : all.abandonedWaits().entrySet()) {
                if (e.getKey() > low && e.getKey() <= high || low == 0 && e.getKey() == 0) {
                    n += e.getValue();
                }
            }
            waits.put(high == Integer.MAX_VALUE ? "> " + low + " s" : "≤ " + high + " s", n);
        }
        return new ReportData(
                agreement,
                tenantName(agreement.clientTenantId()),
                months,
                days,
                arrivals,
                waits,
                targets(agreement, months.total()));
    }

    static List<ReportData.Target> targets(AgreementInfo agreement, KpiFigures total) {
        List<ReportData.Target> targets = new ArrayList<>();
        BigDecimal sl = total.serviceLevel(ReportData.CONTRACTUAL);
        BigDecimal slTarget = agreement.serviceLevelTarget().percent();
        targets.add(new ReportData.Target(
                "Service-Level (" + ReportData.CONTRACTUAL.formula() + ")",
                slTarget.stripTrailingZeros().toPlainString() + " % in "
                        + agreement.serviceLevelTarget().withinSeconds() + " s",
                sl == null ? "–" : KpiFigures.percent(sl, 1).toPlainString() + " %",
                sl == null
                        ? ReportData.Status.NO_DATA
                        : KpiFigures.percent(sl, 6).compareTo(slTarget) >= 0
                                ? ReportData.Status.MET
                                : ReportData.Status.MISSED));
        BigDecimal asa = total.averageSpeedOfAnswerSeconds();
        targets.add(new ReportData.Target(
                "Durchschnittliche Wartezeit (ASA)",
                "höchstens " + agreement.targetAverageWaitSeconds() + " s",
                asa == null ? "–" : asa.setScale(1, RoundingMode.HALF_UP).toPlainString() + " s",
                asa == null
                        ? ReportData.Status.NO_DATA
                        : asa.compareTo(BigDecimal.valueOf(agreement.targetAverageWaitSeconds())) <= 0
                                ? ReportData.Status.MET
                                : ReportData.Status.MISSED));
        BigDecimal fcr = total.firstContactResolutionRate();
        BigDecimal fcrTarget = agreement.targetFirstContactResolutionPercent();
        targets.add(new ReportData.Target(
                "Erstlösungsquote",
                "mindestens " + fcrTarget.stripTrailingZeros().toPlainString() + " %",
                fcr == null ? "–" : KpiFigures.percent(fcr, 1).toPlainString() + " %",
                fcr == null || fcrTarget == null
                        ? ReportData.Status.NO_DATA
                        : KpiFigures.percent(fcr, 6).compareTo(fcrTarget) >= 0
                                ? ReportData.Status.MET
                                : ReportData.Status.MISSED));
        return List.copyOf(targets);
    }

    // --- billing ---------------------------------------------------------------------------------------------

    /** One invoice line: handled contacts of a channel × price per contact. */
    public record InvoiceLine(String channel, long contacts, BigDecimal pricePerContact, BigDecimal amount) {}

    public record Billing(
            UUID agreementId,
            UUID tenantId,
            String tenantName,
            YearMonth month,
            List<InvoiceLine> lines,
            long contacts,
            BigDecimal total) {}

    /**
     * The month's invoice of the agreement: phone contacts are the calls answered and finished (handled) in the
     * municipality's queue; web and e-mail contacts are the documented contacts of those channels — each only if
     * the agreement covers the channel. Amounts are exact (contacts × price, 2 decimals).
     */
    public Billing billing(UUID agreementId, YearMonth month) {
        AgreementInfo agreement = agreement(agreementId);
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        LocalDate start = first.isBefore(agreement.startDate()) ? agreement.startDate() : first;
        LocalDate end = agreement.endDate() != null && last.isAfter(agreement.endDate()) ? agreement.endDate() : last;
        List<InvoiceLine> lines = new ArrayList<>();
        BigDecimal price = agreement.pricePerContact().setScale(2, RoundingMode.HALF_UP);
        if (!end.isBefore(start)) {
            Instant from = Granularity.startOfDay(start);
            Instant to = Granularity.startOfDay(end.plusDays(1));
            UUID tenant = agreement.clientTenantId();
            for (de.buergerservice.tenancy.Channel channel : de.buergerservice.tenancy.Channel.values()) {
                if (!agreement.channels().contains(channel)) {
                    continue;
                }
                long contacts = channel == de.buergerservice.tenancy.Channel.PHONE
                        ? store.days(tenant, from, to).values().stream()
                                .mapToLong(KpiCounts::handled)
                                .sum()
                        : store.documentedOfChannel(tenant, channel.name(), from, to);
                lines.add(
                        new InvoiceLine(channel.name(), contacts, price, price.multiply(BigDecimal.valueOf(contacts))));
            }
        }
        long contacts = lines.stream().mapToLong(InvoiceLine::contacts).sum();
        BigDecimal total = lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new Billing(
                agreement.id(),
                agreement.clientTenantId(),
                tenantName(agreement.clientTenantId()),
                month,
                List.copyOf(lines),
                contacts,
                total);
    }
}
