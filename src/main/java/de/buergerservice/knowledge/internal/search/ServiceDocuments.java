package de.buergerservice.knowledge.internal.search;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/** How one {@link IndexedService} becomes a Lucene document, and the names of its fields. */
final class ServiceDocuments {

    static final String KEY = "key";
    static final String SERVICE = "service";
    static final String TENANT = "tenant";
    static final String PUBLISHED = "published";
    static final String LEIKA = "leika";
    static final String EXTERNAL_ID = "externalId";
    static final String TITLE = "title";
    static final String SYNONYMS = "synonyms";
    static final String BODY = "body";
    static final String NOTES = "notes";
    static final String TOPIC = "topic";
    static final String HASH = "hash";

    /**
     * Analysed text with offsets in the postings, so snippets need no re-analysis. Not stored: what a hit shows is
     * kept as {@link HitData}.
     */
    private static final FieldType TEXT = new FieldType();

    static {
        TEXT.setTokenized(true);
        TEXT.setStored(false);
        TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT.freeze();
    }

    private ServiceDocuments() {}

    static Term key(UUID tenantId, UUID serviceId) {
        return new Term(KEY, tenantId + "/" + serviceId);
    }

    static Document toDocument(IndexedService service) {
        Document doc = new Document();
        doc.add(new StringField(
                KEY, key(service.tenantId(), service.serviceId()).text(), Field.Store.NO));
        doc.add(new StringField(SERVICE, service.serviceId().toString(), Field.Store.NO));
        doc.add(new StringField(TENANT, service.tenantId().toString(), Field.Store.NO));
        doc.add(new SortedDocValuesField(TENANT, new BytesRef(service.tenantId().toString()))); // index sort
        doc.add(new StringField(PUBLISHED, Boolean.toString(service.published()), Field.Store.NO));
        if (service.leikaKey() != null && !service.leikaKey().isBlank()) {
            doc.add(new StringField(LEIKA, service.leikaKey(), Field.Store.NO));
        }
        if (service.externalId() != null) {
            doc.add(new StringField(EXTERNAL_ID, service.externalId(), Field.Store.NO));
        }
        addText(doc, TITLE, service.title());
        for (String synonym : nonNull(service.synonyms())) {
            addText(doc, SYNONYMS, synonym);
        }
        String body = searchableText(service.summary(), service.body());
        addText(doc, BODY, body);
        addText(doc, NOTES, service.internalNotes());
        HitData.addTo(doc, service, body);
        for (String topic : nonNull(service.topics())) {
            doc.add(new SortedSetDocValuesField(TOPIC, new BytesRef(topic)));
        }
        doc.add(new NumericDocValuesField(HASH, contentHash(service)));
        return doc;
    }

    /**
     * A digest of everything indexed about the service. The index's sum of digests is compared with the
     * database's at start: a difference (a change lost in a crash, an edit made while the index was away) means
     * the index is rebuilt.
     */
    static long contentHash(IndexedService s) {
        long hash = Objects.hash(
                s.serviceId(),
                s.tenantId(),
                s.externalId(),
                s.leikaKey(),
                s.title(),
                s.synonyms(),
                s.summary(),
                s.body(),
                s.topics(),
                s.published(),
                s.internalNotes());
        // spread the 32-bit hash so that sums over many services rarely cancel out
        return hash * 0x9E3779B97F4A7C15L + s.serviceId().getLeastSignificantBits();
    }

    /**
     * Summary and body are searched as one text (one field fewer to look up for every word of a query). A summary
     * the importer took from the body's first sentences is not repeated; an editor's own summary leads the text.
     */
    static String searchableText(String summary, String body) {
        if (summary == null || summary.isBlank()) {
            return body;
        }
        if (body == null || body.isBlank()) {
            return summary;
        }
        String teaser = summary.endsWith("…") ? summary.substring(0, summary.length() - 1) : summary;
        return body.startsWith(teaser.strip()) ? body : summary + "\n\n" + body;
    }

    private static void addText(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new Field(field, value, TEXT));
        }
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values;
    }
}
