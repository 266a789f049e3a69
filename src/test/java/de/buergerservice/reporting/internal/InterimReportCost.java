package de.buergerservice.reporting.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import de.buergerservice.reporting.Granularity;
import de.buergerservice.reporting.KpiCounts;
import de.buergerservice.tenancy.AgreementInfo;
import de.buergerservice.tenancy.AgreementStatus;
import de.buergerservice.tenancy.Channel;
import de.buergerservice.tenancy.ServiceLevelTarget;

/**
 * Benchmark main (not a test): the interim report of a year without a database — a year of synthetic daily
 * counters with wait histograms folded into the month and day reports as {@link ReportingService} does, then the
 * three charts and the PDF, each timed over runs after warm-up. Says what the PDF costs beside the reads that
 * {@code ReportingBenchmark} times on PostgreSQL. Arguments: [runs] (default 10).
 */
public final class InterimReportCost {

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long start = System.nanoTime();
        ReportData data = yearOfData();
        ReportDocuments.interimPdf(data);
        System.out.printf(
                "first PDF in this JVM (fonts, JFreeChart, ImageIO set up): %.0f ms%n",
                (System.nanoTime() - start) / 1e6);
        for (int i = 0; i < 3; i++) {
            ReportDocuments.interimPdf(data);
        }
        long[] sl = new long[runs];
        long[] arrivals = new long[runs];
        long[] waits = new long[runs];
        long[] pdf = new long[runs];
        int bytes = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Charts.serviceLevelPerDay(data);
            long t1 = System.nanoTime();
            Charts.arrivals(data);
            long t2 = System.nanoTime();
            Charts.waits(data);
            long t3 = System.nanoTime();
            bytes = ReportDocuments.interimPdf(data).length;
            long t4 = System.nanoTime();
            sl[i] = t1 - t0;
            arrivals[i] = t2 - t1;
            waits[i] = t3 - t2;
            pdf[i] = t4 - t3;
        }
        System.out.printf(
                "RESULT interim-report year: PDF median %.1f ms (%d bytes); charts median: SL/ASA per day %.1f ms,"
                        + " arrivals %.1f ms, waits %.1f ms%n",
                median(pdf), bytes, median(sl), median(arrivals), median(waits));
    }

    static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    static ReportData yearOfData() {
        Random random = new Random(14);
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 12, 31);
        AgreementInfo agreement = new AgreementInfo(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                Set.of(Channel.PHONE),
                from,
                LocalDate.of(2025, 6, 30),
                null,
                new ServiceLevelTarget(new BigDecimal("80"), 20),
                20,
                new BigDecimal("65"),
                new BigDecimal("3.50"),
                AgreementStatus.ACTIVE,
                24);
        TreeMap<Instant, KpiCounts> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            long offered = 300 + random.nextInt(200);
            long answered = offered - random.nextInt(30);
            long[] v = new long[KpiCounts.COLUMNS.length];
            v[0] = offered;
            v[1] = answered;
            v[2] = offered - answered;
            v[6] = answered;
            v[7] = answered * 15_000;
            v[8] = (offered - answered) * 30_000;
            v[9] = 60_000;
            v[10] = answered * 150_000;
            v[11] = answered * 30_000;
            KpiCounts c = KpiCounts.of(v);
            for (int s = 0; s <= 60; s++) {
                c.addAnsweredWaits(s, answered / 61);
                c.addAbandonedWaits(s, (offered - answered) / 61 + 1);
            }
            days.put(Granularity.startOfDay(d), c);
        }
        ReportingService service = new ReportingService(null, null, null, null, 5);
        ReportingService.Period period = ReportingService.period(agreement, from, to);
        ReportingService.Source source = new ReportingService.Source(days, new TreeMap<>(), new KpiCounts(), 0);
        KpiReport months = service.kpis(agreement, period, Granularity.MONTH, source);
        KpiReport perDay = service.kpis(agreement, period, Granularity.DAY, source);
        SortedMap<LocalTime, Long> arrivals = new TreeMap<>();
        for (int q = 0; q < 96; q++) {
            arrivals.put(LocalTime.MIN.plusMinutes(15L * q), (long) random.nextInt(400));
        }
        Map<String, Long> waits = new LinkedHashMap<>();
        for (String bucket : new String[] {"≤ 10 s", "≤ 20 s", "≤ 30 s", "≤ 60 s", "≤ 120 s", "≤ 300 s", "> 300 s"}) {
            waits.put(bucket, (long) random.nextInt(50_000));
        }
        return new ReportData(
                agreement,
                "Samtgemeinde Artland",
                months,
                perDay,
                arrivals,
                waits,
                ReportingService.targets(agreement, months.total()));
    }
}
