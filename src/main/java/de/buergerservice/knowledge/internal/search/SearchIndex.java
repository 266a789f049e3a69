package de.buergerservice.knowledge.internal.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * One Lucene index directory with its writer and near-real-time searchers. Changes become searchable within
 * {@value #MAX_STALE_SEC} s by themselves, and at once for a caller that {@link #awaitVisible waits} for them.
 */
final class SearchIndex implements Closeable {

    static final double MAX_STALE_SEC = 0.5;
    /** Commit-data key of the {@link #FORMAT} an index was written in. */
    static final String FORMAT_KEY = "format";
    /**
     * How documents are analysed and laid out; an index written in another format is rebuilt. Documents are
     * sorted by tenant, so a municipality's services lie side by side and a search reads only their stretch of
     * every posting list.
     */
    static final String FORMAT = GermanServiceAnalyzer.VERSION + "/layout-3";

    static final String COMPLETE = "complete";

    /** Searches running now, over all indexes of the process: one per core (see {@link #search}). */
    private static final Semaphore RUNNING = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    private final Path path;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ControlledRealTimeReopenThread<IndexSearcher> reopener;

    private SearchIndex(Path path, Analyzer analyzer) throws IOException {
        this.path = path;
        this.directory = FSDirectory.open(path);
        // few segments: every query opens one postings enum per term and segment, which dominates small searches
        TieredMergePolicy merges = new TieredMergePolicy();
        merges.setSegmentsPerTier(4);
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setRAMBufferSizeMB(64)
                .setMergePolicy(merges)
                .setIndexSort(new Sort(new SortField(ServiceDocuments.TENANT, SortField.Type.STRING)))
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(true);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
        this.reopener = new ControlledRealTimeReopenThread<>(writer, searchers, MAX_STALE_SEC, 0.005);
        reopener.setName("knowledge-index-reopen");
        reopener.setDaemon(true);
        reopener.start();
    }

    /**
     * Opens (or creates) the index at {@code path}.
     *
     * @throws IllegalArgumentException if the index there was written with another layout (index sort)
     */
    static SearchIndex open(Path path, Analyzer analyzer) {
        try {
            return new SearchIndex(path, analyzer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index at " + path, e);
        }
    }

    Path path() {
        return path;
    }

    long upsert(IndexedService service) throws IOException {
        return writer.updateDocument(
                ServiceDocuments.key(service.tenantId(), service.serviceId()), ServiceDocuments.toDocument(service));
    }

    long add(IndexedService service) throws IOException {
        return writer.addDocument(ServiceDocuments.toDocument(service));
    }

    /**
     * Adds every service, analysed on all cores: the calling thread reads {@code services} (a database stream
     * stays on the thread that opened it) and hands them to one indexing thread per core.
     */
    long addAll(Stream<IndexedService> services) throws IOException {
        int threads = Runtime.getRuntime().availableProcessors();
        BlockingQueue<IndexedService> queue = new ArrayBlockingQueue<>(1_000);
        IndexedService end = new IndexedService(null, null, null, null, null, null, null, null, null, false, null);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong added = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "knowledge-index-build"));
        try {
            for (int i = 0; i < threads; i++) {
                pool.execute(() -> {
                    try {
                        for (IndexedService next = queue.take(); next != end; next = queue.take()) {
                            writer.addDocument(ServiceDocuments.toDocument(next));
                            added.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        queue.clear();
                    }
                });
            }
            for (Iterator<IndexedService> it = services.iterator(); it.hasNext() && failure.get() == null; ) {
                queue.put(it.next());
            }
            for (int i = 0; i < threads; i++) {
                queue.put(end);
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while building the index", e);
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw new IOException("Building the index failed", failure.get());
        }
        return added.get();
    }

    long delete(UUID tenantId, UUID serviceId) throws IOException {
        return writer.deleteDocuments(ServiceDocuments.key(tenantId, serviceId));
    }

    long deleteService(UUID serviceId) throws IOException {
        return writer.deleteDocuments(new Term(ServiceDocuments.SERVICE, serviceId.toString()));
    }

    long deleteTenant(UUID tenantId) throws IOException {
        return writer.deleteDocuments(new Term(ServiceDocuments.TENANT, tenantId.toString()));
    }

    void commit(Map<String, String> userData) throws IOException {
        Map<String, String> data = new HashMap<>(committedData());
        data.putAll(userData);
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
    }

    Map<String, String> committedData() throws IOException {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    /** Blocks until the change with sequence number {@code generation} is visible to new searches. */
    void awaitVisible(long generation) {
        try {
            reopener.waitForGeneration(generation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Merges a freshly built index into one segment: every term is then looked up once per query instead of once
     * per segment, and each tenant's documents form a single stretch.
     */
    void compact() throws IOException {
        writer.forceMerge(1);
    }

    /** Makes everything written so far searchable now (a rebuild before it is swapped in). */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /**
     * Runs one search. At most one search per core runs at a time, the others wait their turn in arrival order: a
     * search takes about a millisecond of CPU, and letting more run at once only makes the operating system
     * interrupt them, so each waits for the others' time slices (at 8 concurrent searches on 2 cores the 99th
     * percentile was 30 ms instead of a few).
     */
    <T> T search(SearchWork<T> work) throws IOException {
        try {
            RUNNING.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting to search", e);
        }
        try {
            return withSearcher(work);
        } finally {
            RUNNING.release();
        }
    }

    /** Runs {@code work} with a searcher over what is visible now, outside the limit on running searches. */
    private <T> T withSearcher(SearchWork<T> work) throws IOException {
        IndexSearcher searcher = acquire();
        try {
            return work.apply(searcher);
        } finally {
            release(searcher);
        }
    }

    /** Work done with a searcher. */
    @FunctionalInterface
    interface SearchWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    /** Number of documents and the sum of their content digests: compared with the database's at start. */
    Fingerprint fingerprint() throws IOException {
        return withSearcher(searcher -> {
            long count = 0;
            long sum = 0;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                NumericDocValues hashes = leaf.reader().getNumericDocValues(ServiceDocuments.HASH);
                Bits live = leaf.reader().getLiveDocs();
                if (hashes == null) {
                    continue;
                }
                for (int doc = hashes.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = hashes.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        count++;
                        sum += hashes.longValue();
                    }
                }
            }
            return new Fingerprint(count, sum);
        });
    }

    int documents() throws IOException {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    static boolean exists(Path path) {
        try (FSDirectory dir = FSDirectory.open(path)) {
            return DirectoryReader.indexExists(dir);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        reopener.close();
        searchers.close();
        writer.close();
        directory.close();
    }

    /** What an index holds, in two numbers. */
    record Fingerprint(long count, long sum) {

        Fingerprint plus(IndexedService service) {
            return new Fingerprint(count + 1, sum + ServiceDocuments.contentHash(service));
        }
    }
}
