package de.buergerservice.knowledge.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import org.apache.lucene.analysis.Analyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import de.buergerservice.knowledge.KnowledgeChanged;
import de.buergerservice.shared.DataDirectory;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * The knowledge search index below {@code <data-dir>/index/knowledge}, kept in step with the database. All
 * writes go through one updater thread, in order: changes heard from the knowledge module, and full rebuilds.
 * A rebuild writes a new generation directory and swaps it in when complete, so searches never see a half-built
 * index; changes that arrive meanwhile wait behind it and are applied to the new generation.
 */
@Component
public class KnowledgeIndex {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndex.class);
    private static final String GENERATION_PREFIX = "gen-";

    private final Path root;
    private final Analyzer analyzer = new GermanServiceAnalyzer();
    private final ObjectProvider<IndexSource> sources;
    private final TenantDirectory tenants;
    private final Clock clock;
    private final ThreadPoolExecutor updater =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread thread = new Thread(r, "knowledge-index-updater");
                thread.setDaemon(true);
                return thread;
            });
    private volatile SearchIndex current;

    KnowledgeIndex(
            DataDirectory dataDirectory, ObjectProvider<IndexSource> sources, TenantDirectory tenants, Clock clock) {
        this.root = dataDirectory.resolve("index/knowledge");
        this.sources = sources;
        this.tenants = tenants;
        this.clock = clock;
        this.current = openLatest();
    }

    /** What a rebuild did. */
    public record RebuildReport(long documents, Duration duration, Instant finishedAt) {}

    Analyzer analyzer() {
        return analyzer;
    }

    /** Runs {@code work} with a searcher over the current generation (at most half a second stale). */
    <T> T search(SearchIndex.SearchWork<T> work) {
        try {
            return current.search(work);
        } catch (IOException e) {
            throw new UncheckedIOException("Knowledge search failed", e);
        }
    }

    /** Queues the change; it is searchable within a second (usually a few milliseconds). */
    void changed(KnowledgeChanged change) {
        updater.execute(() -> apply(change));
    }

    void tenantDeleted(UUID tenantId) {
        updater.execute(() -> write(index -> index.deleteTenant(tenantId)));
    }

    /** Rebuilds the whole index from the database and waits for it. */
    public RebuildReport rebuild() {
        return await(updater.submit(this::rebuildNow));
    }

    /** At start: rebuild if the index is missing, was written by another analysis chain, or differs. */
    void rebuildIfOutdated() {
        updater.execute(() -> {
            IndexSource source = sources.getIfAvailable();
            if (source == null) {
                log.info("No knowledge content source present; the search index stays as it is");
                return;
            }
            try {
                SearchIndex.Fingerprint indexed = current.fingerprint();
                SearchIndex.Fingerprint stored;
                try (Stream<IndexedService> all = source.all()) {
                    stored = all.reduce(new SearchIndex.Fingerprint(0, 0), SearchIndex.Fingerprint::plus, (a, b) -> a);
                }
                boolean sameFormat =
                        SearchIndex.FORMAT.equals(current.committedData().get(SearchIndex.FORMAT_KEY));
                if (!sameFormat || !indexed.equals(stored)) {
                    log.info(
                            "Knowledge index outdated (index {}, database {}, same format: {}); rebuilding",
                            indexed,
                            stored,
                            sameFormat);
                    rebuildNow();
                }
            } catch (IOException e) {
                log.error("Knowledge index check failed", e);
            }
        });
    }

    /** Waits until every change queued so far is applied and searchable. */
    public void awaitIdle() {
        // a change followed by this marker did not force a reopen (the queue was not empty), so reopen here
        await(updater.submit(() -> {
            current.refresh();
            return true;
        }));
    }

    private RebuildReport rebuildNow() throws IOException {
        long started = System.nanoTime();
        IndexSource source = sources.getIfAvailable();
        SearchIndex fresh =
                SearchIndex.open(root.resolve(GENERATION_PREFIX + (generationOf(current.path()) + 1)), analyzer);
        long documents = 0;
        try {
            if (source != null) {
                try (Stream<IndexedService> all = source.all()) {
                    documents = fresh.addAll(all);
                }
            }
            fresh.compact();
            fresh.commit(Map.of(SearchIndex.FORMAT_KEY, SearchIndex.FORMAT, SearchIndex.COMPLETE, "true"));
            fresh.refresh();
        } catch (IOException | RuntimeException e) {
            fresh.close();
            deleteDirectory(fresh.path());
            throw e;
        }
        SearchIndex old = current;
        current = fresh;
        old.close();
        deleteDirectory(old.path());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("Knowledge index rebuilt: {} documents in {} ms", documents, took.toMillis());
        return new RebuildReport(documents, took, clock.instant());
    }

    private void apply(KnowledgeChanged change) {
        IndexSource source = sources.getIfAvailable();
        if (source == null) {
            return;
        }
        List<UUID> affected = change.tenantId() != null
                ? List.of(change.tenantId())
                : tenants.findAll().stream().map(TenantInfo::id).toList();
        write(index -> {
            long generation = -1;
            for (UUID tenantId : affected) {
                Optional<IndexedService> view = source.find(tenantId, change.serviceId());
                generation = view.isPresent() ? index.upsert(view.get()) : index.delete(tenantId, change.serviceId());
            }
            return generation;
        });
    }

    /** Applies one write; when no further change is waiting, makes it visible at once and commits. */
    private void write(IndexWrite write) {
        SearchIndex index = current;
        try {
            long generation = write.apply(index);
            // in a burst (an import) only the last change forces a reopen; the others follow within 0.5 s
            if (updater.getQueue().isEmpty()) {
                if (generation >= 0) {
                    index.awaitVisible(generation);
                }
                index.commit(Map.of());
            }
        } catch (IOException | RuntimeException e) {
            log.error("Knowledge index update failed; the next start rebuilds the index", e);
        }
    }

    @FunctionalInterface
    private interface IndexWrite {
        long apply(SearchIndex index) throws IOException;
    }

    private SearchIndex openLatest() {
        try (Stream<Path> dirs = Files.list(root)) {
            List<Path> generations = dirs.filter(d -> d.getFileName().toString().startsWith(GENERATION_PREFIX))
                    .sorted(Comparator.comparingLong(KnowledgeIndex::generationOf)
                            .reversed())
                    .toList();
            Path latest = generations.stream()
                    .filter(SearchIndex::exists)
                    .findFirst()
                    .orElse(root.resolve(GENERATION_PREFIX + 1));
            generations.stream().filter(d -> !d.equals(latest)).forEach(KnowledgeIndex::deleteDirectory);
            boolean existed = SearchIndex.exists(latest);
            SearchIndex index;
            try {
                index = SearchIndex.open(latest, analyzer);
            } catch (IllegalArgumentException e) {
                // written in an older layout that cannot be opened as it is: start empty, the check rebuilds it
                log.info("Knowledge index {} has an older layout ({}); starting a new one", latest, e.getMessage());
                deleteDirectory(latest);
                existed = false;
                index = SearchIndex.open(root.resolve(GENERATION_PREFIX + (generationOf(latest) + 1)), analyzer);
            }
            if (!existed) {
                index.commit(Map.of(SearchIndex.FORMAT_KEY, SearchIndex.FORMAT));
            }
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the knowledge index below " + root, e);
        }
    }

    private static long generationOf(Path dir) {
        try {
            return Long.parseLong(dir.getFileName().toString().substring(GENERATION_PREFIX.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void deleteDirectory(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete old index generation {}", dir, e);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the knowledge index", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Knowledge index work failed", e.getCause());
        }
    }

    @PreDestroy
    void close() throws IOException, InterruptedException {
        updater.shutdown();
        updater.awaitTermination(30, TimeUnit.SECONDS);
        current.close();
    }
}
