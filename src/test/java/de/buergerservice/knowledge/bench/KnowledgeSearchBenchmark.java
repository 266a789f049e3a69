package de.buergerservice.knowledge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import de.buergerservice.knowledge.internal.search.IndexedService;
import de.buergerservice.knowledge.internal.search.SearchBenchSupport;

/**
 * Load benchmark of the knowledge search (not a test; see docs/benchmarks.md for the command): builds an index of
 * {@code services} generated variants of the real Munich descriptions (full rebuild, timed), then lets
 * {@code clients} threads search with the citizen phrasings of the relevance set for {@code seconds} and reports
 * throughput and latency percentiles, then measures how long a published change takes to become searchable.
 *
 * <p>Arguments (all optional): services (100000), clients (8), warm-up seconds (10), measured seconds (30), index
 * directory to keep and reuse (none: a temporary one). System property {@code bench.tenants} (default 1) spreads
 * the services over that many municipalities; each query then searches one of them at random.
 */
public final class KnowledgeSearchBenchmark {

    static final int LIMIT = Integer.getInteger("bench.limit", 10);
    static final int TENANTS = Integer.getInteger("bench.tenants", 1);
    static final UUID TENANT = tenant(0);
    static final String[] QUALIFIERS = {
        "für Privatpersonen",
        "für Unternehmen",
        "Eilverfahren",
        "online",
        "vor Ort",
        "für Minderjährige",
        "mit Termin",
        "ohne Termin",
        "Nachreichung",
        "Ersatz",
        "Verlängerung",
        "Änderung",
        "Auskunft",
        "Beratung",
        "Bezirk Nord",
        "Bezirk Süd",
        "Bezirk Ost",
        "Bezirk West"
    };

    private KnowledgeSearchBenchmark() {}

    static UUID tenant(int n) {
        return UUID.nameUUIDFromBytes(("bench-tenant-" + n).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int measured = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        List<IndexedService> munich = SearchBenchSupport.munichCatalogue(TENANT);
        if (munich.isEmpty()) {
            System.out.println("../shared/data/dldb-muenchen/services_de.json absent: benchmark skipped");
            return;
        }
        List<String> queries = SearchBenchSupport.relevancePhrasings();
        // a sixth argument keeps the built index in that directory and reuses it next time (tuning runs)
        Path dir = args.length > 4
                ? Files.createDirectories(Path.of(args[4]))
                : Files.createTempDirectory("knowledge-bench");
        System.out.printf(
                "cores=%d, java=%s, services=%d in %d tenant(s), clients=%d, queries=%d distinct%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                services,
                TENANTS,
                clients,
                queries.size());
        try (SearchBenchSupport engine = new SearchBenchSupport(dir)) {
            if (engine.documents() == 0) {
                // generated here only: kept alive through the searches, the corpus (about 500 MB) made the
                // benchmark's own young collections copy it and lengthened their pauses
                List<IndexedService> corpus = variants(munich, services);
                long start = System.nanoTime();
                engine.addAll(corpus);
                engine.commit();
                System.out.printf(
                        "REBUILD %d documents in %.1f s%n", engine.documents(), (System.nanoTime() - start) / 1e9);
            }
            load(engine, queries, clients, warmUp, false);
            load(engine, queries, clients, measured, true);
            visibility(engine, munich.get(0));
        } finally {
            if (args.length <= 4) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** Variants of the real descriptions: qualified titles, sentences rotated, words borrowed from others. */
    static List<IndexedService> variants(List<IndexedService> munich, int count) {
        Random random = new Random(42);
        List<IndexedService> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            IndexedService base = munich.get(i % munich.size());
            IndexedService other = munich.get(random.nextInt(munich.size()));
            String title = i < munich.size()
                    ? base.title()
                    : base.title() + " – " + QUALIFIERS[random.nextInt(QUALIFIERS.length)] + " " + (i / munich.size());
            List<String> sentences = new ArrayList<>(Arrays.asList(base.body().split("(?<=[.!?])\\s+")));
            java.util.Collections.rotate(sentences, random.nextInt(Math.max(1, sentences.size())));
            String[] borrowed = other.body().split("\\s+");
            int from = random.nextInt(Math.max(1, borrowed.length - 30));
            String body = String.join(" ", sentences) + " "
                    + String.join(" ", Arrays.copyOfRange(borrowed, from, Math.min(borrowed.length, from + 30)));
            List<String> synonyms =
                    base.synonyms().subList(0, random.nextInt(base.synonyms().size() + 1));
            result.add(new IndexedService(
                    UUID.nameUUIDFromBytes(("bench-" + i).getBytes(StandardCharsets.UTF_8)),
                    tenant(i % TENANTS),
                    "bench-" + i,
                    base.leikaKey(),
                    title,
                    synonyms,
                    base.summary(),
                    body,
                    List.of("Thema " + (i % 12)),
                    true,
                    null));
        }
        return result;
    }

    static void load(SearchBenchSupport engine, List<String> queries, int clients, int seconds, boolean report)
            throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[clients];
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            // no client searches faster than 10,000 times a second; a few MB, where 5 million slots per client
            // (320 MB) kept G1 in back-to-back concurrent cycles that took CPU from the searches
            long[] mine = new long[seconds * 10_000];
            latencies.add(mine);
            int client = c;
            Thread thread = new Thread(() -> {
                Random random = new Random(client);
                int n = 0;
                try {
                    while (running.get() && n < mine.length) {
                        String query = queries.get(random.nextInt(queries.size()));
                        long t0 = System.nanoTime();
                        engine.search(tenant(random.nextInt(TENANTS)), query, LIMIT);
                        mine[n++] = System.nanoTime() - t0;
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } finally {
                    counts[client] = n;
                    done.countDown();
                }
            });
            thread.start();
        }
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        running.set(false);
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!report) {
            return;
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        System.out.printf(
                "SEARCH %d clients, %.0f s: %d queries, %.0f queries/s, p50 %.2f ms, p90 %.2f ms, "
                        + "p99 %.2f ms, max %.2f ms (machine load average %.1f on %d cores: other processes compete)%n",
                clients,
                elapsed,
                total,
                total / elapsed,
                ms(all, 0.50),
                ms(all, 0.90),
                ms(all, 0.99),
                all[all.length - 1] / 1e6,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    static double ms(long[] sorted, double percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile * sorted.length) - 1)] / 1e6;
    }

    /** A change becomes searchable: on its own (reopen thread) and as the product applies it (waits). */
    static void visibility(SearchBenchSupport engine, IndexedService template)
            throws IOException, InterruptedException {
        long worstPassive = 0;
        long worstProduct = 0;
        for (int i = 0; i < 20; i++) {
            String word = "Zzbenchword" + (char) ('a' + i) + "x";
            IndexedService changed = new IndexedService(
                    UUID.randomUUID(),
                    TENANT,
                    "visible-" + i,
                    null,
                    template.title() + " " + word,
                    List.of(),
                    null,
                    template.body(),
                    List.of(),
                    true,
                    null);
            long t0 = System.nanoTime();
            engine.upsert(changed);
            while (engine.search(TENANT, word, 1).hits().isEmpty()) {
                Thread.sleep(1);
            }
            worstPassive = Math.max(worstPassive, System.nanoTime() - t0);

            String other = "Yybenchword" + (char) ('a' + i) + "x";
            IndexedService published = new IndexedService(
                    UUID.randomUUID(),
                    TENANT,
                    "published-" + i,
                    null,
                    template.title() + " " + other,
                    List.of(),
                    null,
                    template.body(),
                    List.of(),
                    true,
                    null);
            long t1 = System.nanoTime();
            engine.upsertVisible(published);
            if (engine.search(TENANT, other, 1).hits().isEmpty()) {
                throw new IllegalStateException("published change not visible after awaitVisible");
            }
            worstProduct = Math.max(worstProduct, System.nanoTime() - t1);
        }
        System.out.printf(
                "VISIBILITY (20 changes) worst: %.0f ms without waiting (reopen thread, max stale 0.5 s),"
                        + " %.0f ms as the product applies a change (write + wait for reopen)%n",
                worstPassive / 1e6, worstProduct / 1e6);
    }
}
