package de.buergerservice.knowledge.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.buergerservice.knowledge.internal.search.SearchBenchSupport;

/**
 * CPU time and allocation per search on one thread (not a test; see docs/benchmarks.md): what a change to the query
 * path costs or saves, measured without the scheduling noise of a loaded two-core machine. It reads an index that
 * {@link KnowledgeSearchBenchmark} kept (its fifth argument; same {@code bench.tenants}), sends every phrasing of the
 * relevance set {@code rounds} times after a warm-up, and prints the mean and the most expensive phrasings.
 *
 * <p>Arguments: index directory, rounds (100), how many of the most expensive phrasings to list (10).
 */
public final class KnowledgeSearchCost {

    private KnowledgeSearchCost() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int listed = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        if (!Files.isDirectory(dir)) {
            System.out.println(dir + " absent: run KnowledgeSearchBenchmark with it as fifth argument first");
            return;
        }
        List<String> queries = SearchBenchSupport.relevancePhrasings();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int tenants = KnowledgeSearchBenchmark.TENANTS;
        try (SearchBenchSupport engine = new SearchBenchSupport(dir)) {
            for (int warmUp = 0; warmUp < 40; warmUp++) {
                for (String query : queries) {
                    engine.search(KnowledgeSearchBenchmark.tenant(warmUp % tenants), query, 10);
                }
            }
            Map<String, Long> cpuByQuery = new HashMap<>();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long allocStart = threads.getCurrentThreadAllocatedBytes();
            for (int round = 0; round < rounds; round++) {
                for (String query : queries) {
                    long before = threads.getCurrentThreadCpuTime();
                    engine.search(KnowledgeSearchBenchmark.tenant(round % tenants), query, 10);
                    cpuByQuery.merge(query, threads.getCurrentThreadCpuTime() - before, Long::sum);
                }
            }
            long searches = (long) rounds * queries.size();
            System.out.printf(
                    "COST %d searches on one thread (%d tenant(s)): CPU %.3f ms, allocated %.0f KB " + "per search%n",
                    searches,
                    tenants,
                    (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / searches,
                    (threads.getCurrentThreadAllocatedBytes() - allocStart) / 1024.0 / searches);
            cpuByQuery.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(listed)
                    .forEach(e -> System.out.printf("  %.3f ms  %s%n", e.getValue() / 1e6 / rounds, e.getKey()));
        }
    }
}
