package de.buergerservice.reporting.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import de.buergerservice.BuergerserviceApplication;
import de.buergerservice.reporting.Granularity;
import de.buergerservice.reporting.internal.KpiAggregator;
import de.buergerservice.reporting.internal.ReportDocuments;
import de.buergerservice.reporting.internal.ReportingService;
import de.buergerservice.reporting.internal.Wallboard;
import de.buergerservice.shared.security.SystemActor;
import de.buergerservice.tenancy.AgreementInfo;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * Reporting at scale (issue 14): about 10 million call events — a year of a large ServiceCenter, 10 municipalities,
 * 50 agents, 1.16 million calls (1 in 17 abandoned) — generated with {@code generate_series} into telephony's
 * {@code call_event} in PostgreSQL, folded into the interval aggregates by the real {@link KpiAggregator}, then the
 * KPIs of one agreement for a month (per day) and a year (per month) from the aggregates, beside the naive GROUP BY
 * over the raw table in the same run; the wallboard update and the interim-report PDF. Not a test (excluded from
 * surefire). Run: see docs/benchmarks.md.
 *
 * <p>Arguments: {@code [calls]} (default 1,156,463 ≈ 10.0 M events). Uses the schema {@code bench_reporting} of the
 * PostgreSQL in {@code SPRING_DATASOURCE_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}); drops it
 * first.
 */
public final class ReportingBenchmark {

    static final String URL =
            System.getenv().getOrDefault("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
    static final String SCHEMA = System.getProperty("bench.schema", "bench_reporting");

    public static void main(String[] args) throws Exception {
        long calls = args.length > 0 ? Long.parseLong(args[0]) : 1_156_463L;
        try (Connection c = DriverManager.getConnection(URL, USER, "");
                Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
            s.execute("create schema " + SCHEMA);
        }
        ConfigurableApplicationContext app = new SpringApplicationBuilder(BuergerserviceApplication.class)
                .profiles("postgres")
                .run(
                        "--spring.datasource.url=" + URL + "?currentSchema=" + SCHEMA,
                        "--spring.datasource.username=" + USER,
                        "--spring.datasource.password=",
                        "--buergerservice.demo-data=true",
                        "--buergerservice.data-dir=target/" + SCHEMA,
                        "--buergerservice.sip.port=0",
                        "--server.port=0",
                        "--buergerservice.reporting.poll-interval=1h",
                        "--buergerservice.reporting.batch-size=20000",
                        "--server.servlet.session.cookie.secure=false");
        try {
            run(app, calls);
        } finally {
            app.close();
        }
    }

    static void run(ConfigurableApplicationContext app, long calls) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        TenantDirectory tenants = app.getBean(TenantDirectory.class);
        AgreementInfo agreement = tenants.agreementsFor(
                        tenants.findBySlug("artland").orElseThrow().id())
                .get(0);
        UUID artland = agreement.clientTenantId();

        long t0 = System.nanoTime();
        generate(jdbc, calls, artland);
        long events = jdbc.queryForObject("select count(*) from call_event", Long.class);
        System.out.printf("generated %,d call events (%,d calls) in %.1f s%n", events, calls, secs(t0));
        jdbc.execute("analyze call_event");

        KpiAggregator aggregator = app.getBean(KpiAggregator.class);
        long t1 = System.nanoTime();
        long folded = aggregator.catchUp();
        double foldSeconds = secs(t1);
        System.out.printf(
                "aggregates: folded %,d events in %.1f s (%,.0f events/s); %,d interval rows, %,d histogram rows%n",
                folded,
                foldSeconds,
                folded / foldSeconds,
                jdbc.queryForObject("select count(*) from reporting_interval", Long.class),
                jdbc.queryForObject("select count(*) from reporting_wait", Long.class));
        jdbc.execute("analyze reporting_interval");
        jdbc.execute("analyze reporting_wait");

        ReportingService reports = app.getBean(ReportingService.class);
        LocalDate month = LocalDate.of(2025, 6, 1);
        LocalDate yearStart = LocalDate.of(2025, 1, 1);
        report(
                "aggregates: KPIs of one agreement, month (per day)",
                () -> asSystem(() ->
                        reports.kpis(agreement.id(), month, month.plusMonths(1).minusDays(1), Granularity.DAY)));
        report(
                "aggregates: KPIs of one agreement, year (per month)",
                () -> asSystem(() -> reports.kpis(
                        agreement.id(), yearStart, yearStart.plusYears(1).minusDays(1), Granularity.MONTH)));
        report(
                "naive GROUP BY over call_event, month (per day)",
                () -> naive(jdbc, artland, month, month.plusMonths(1), "day"));
        report(
                "naive GROUP BY over call_event, year (per month)",
                () -> naive(jdbc, artland, yearStart, yearStart.plusYears(1), "month"));

        Wallboard wallboard = app.getBean(Wallboard.class);
        wallboard.refreshToday();
        report("wallboard: refresh today's figures (all municipalities)", () -> {
            wallboard.refreshToday();
            return null;
        });
        report("wallboard: one update (view of the live state)", () -> wallboard.view(Optional.empty()));
        report(
                "interim report PDF, one year",
                () -> asSystem(() -> ReportDocuments.interimPdf(reports.report(
                        agreement.id(), yearStart, yearStart.plusYears(1).minusDays(1)))));
    }

    /** The events of {@code calls} calls over 2025 (07:00–18:00 Berlin), municipality {@code n % 10}. */
    static void generate(JdbcTemplate jdbc, long calls, UUID artland) {
        jdbc.execute("drop index if exists ix_call_event_call");
        jdbc.execute("create temporary table bench_tenant (i int primary key, id uuid)");
        jdbc.update("insert into bench_tenant values (0, ?)", artland);
        for (int i = 1; i < 10; i++) {
            jdbc.update("insert into bench_tenant values (?, ?)", i, UUID.randomUUID());
        }
        jdbc.execute("create temporary table bench_agent (i int primary key, id uuid)");
        for (int i = 0; i < 50; i++) {
            jdbc.update("insert into bench_agent values (?, ?)", i, UUID.randomUUID());
        }
        // per call: start, wait (0–60 s), talk 60–240 s, wrap-up 30 s; abandoned when n % 17 = 0
        String sql = """
                insert into call_event (id, sequence, call_id, tenant_id, queue_id, agent_id, type, agent_state, detail, occurred_at)
                select gen_random_uuid(), c.n * 10 + k.k, case when k.state is null then 'bench-' || c.n end,
                       case when k.state in ('WRAP_UP', 'AVAILABLE') then null else t.id end,
                       case when k.state in ('WRAP_UP', 'AVAILABLE') then null else t.id end,
                       case when k.k >= 2 and not c.abandoned then a.id end,
                       k.type, k.state,
                       case when k.type in ('ANSWERED', 'ABANDONED') then 'waitMs=' || c.wait_ms
                            when k.type = 'QUEUED' then 'position=1' end,
                       c.start + make_interval(secs => (case k.k
                            when 0 then 0 when 1 then 0
                            when 2 then greatest(c.wait_ms - 2000, 0) when 3 then greatest(c.wait_ms - 2000, 0)
                            when 4 then c.wait_ms when 5 then c.wait_ms
                            when 6 then c.wait_ms + c.talk_ms when 7 then c.wait_ms + c.talk_ms
                            else c.wait_ms + c.talk_ms + 30000 end) / 1000.0)
                from (select n,
                             n %% 17 = 0 as abandoned,
                             (n * 7919) %% 60000 as wait_ms,
                             60000 + (n * 104729) %% 180000 as talk_ms,
                             (timestamp with time zone '2025-01-01 07:00:00+01'
                               + make_interval(days => (n / (%1$d / 365))::int)
                               + make_interval(secs => (n %% (%1$d / 365)) * 39600.0 / (%1$d / 365))) as start
                      from generate_series(0::bigint, %1$d - 1) n) c
                join bench_tenant t on t.i = c.n %% 10
                join bench_agent a on a.i = c.n %% 50
                cross join (values (0, 'CALL_OFFERED', null), (1, 'QUEUED', null), (2, 'AGENT_RINGING', null),
                                   (3, 'AGENT_STATE_CHANGED', 'RINGING'), (4, 'ANSWERED', null),
                                   (5, 'AGENT_STATE_CHANGED', 'TALKING'), (6, 'ENDED', null),
                                   (7, 'AGENT_STATE_CHANGED', 'WRAP_UP'), (8, 'AGENT_STATE_CHANGED', 'AVAILABLE'),
                                   (9, 'ABANDONED', null)) as k(k, type, state)
                where (c.abandoned and k.k in (0, 1, 9)) or (not c.abandoned and k.k between 0 and 8)
                """.formatted(calls);
        jdbc.execute(sql);
        jdbc.execute("create index ix_call_event_call on call_event (call_id)");
    }

    /** The naive query: one GROUP BY over the raw events of the municipality, per Berlin day or month. */
    static List<?> naive(JdbcTemplate jdbc, UUID tenant, LocalDate from, LocalDate to, String unit) {
        return jdbc.queryForList(
                """
                select date_trunc(?, occurred_at at time zone 'Europe/Berlin') as bucket,
                       count(*) filter (where type = 'CALL_OFFERED') as offered,
                       count(*) filter (where type = 'ANSWERED') as answered,
                       count(*) filter (where type = 'ABANDONED') as abandoned,
                       avg(substring(detail from 8)::bigint) filter (where type = 'ANSWERED') as asa_ms,
                       count(*) filter (where type = 'ANSWERED' and substring(detail from 8)::bigint <= 20000) as within,
                       count(*) filter (where type = 'ABANDONED' and substring(detail from 8)::bigint <= 20000) as ab_within,
                       count(*) filter (where type = 'ABANDONED' and substring(detail from 8)::bigint <= 5000) as short_ab
                from call_event
                where tenant_id = ? and occurred_at >= ? and occurred_at < ?
                group by 1 order by 1
                """,
                unit,
                tenant,
                java.sql.Timestamp.from(Granularity.startOfDay(from)),
                java.sql.Timestamp.from(Granularity.startOfDay(to)));
    }

    static void report(String name, Supplier<?> work) {
        work.get(); // warm-up
        work.get();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long t = System.nanoTime();
            work.get();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf(
                "%-62s median %9.3f ms   min %9.3f ms   max %9.3f ms%n", name, ms.get(3), ms.get(0), ms.get(6));
    }

    static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static <T> T asSystem(Supplier<T> work) {
        Object[] result = new Object[1];
        SystemActor.run(() -> result[0] = work.get());
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    private ReportingBenchmark() {}
}
