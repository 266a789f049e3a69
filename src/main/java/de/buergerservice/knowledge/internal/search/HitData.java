package de.buergerservice.knowledge.internal.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * What a hit shows: the service's identity, title, the start of its summary and the texts its snippet is taken
 * from.
 *
 * <p>Kept in the index as binary doc values — uncompressed, read straight from the memory-mapped file — rather
 * than as stored fields: those are compressed in blocks of many documents, and decompressing a block for each of a
 * search's ten hits was a fifth of the search time. The texts are cut to what a snippet can use ({@link #TEXT_CHARS}
 * characters; a doc value holds at most 32 KB), so the index grows by little.
 */
record HitData(
        UUID service,
        String externalId,
        String leikaKey,
        String title,
        String summary,
        boolean published,
        String body,
        String notes) {

    /** Snippets come from the first part of a text, where descriptions say what matters. */
    static final int TEXT_CHARS = 5_000;
    /** A plain snippet (no highlight) shows this much of the summary. */
    static final int SUMMARY_CHARS = 200;

    static final int TITLE_CHARS = 1_000;

    static final String CARD = "hitCard";
    static final String BODY_TEXT = "hitBody";
    static final String NOTES_TEXT = "hitNotes";

    /**
     * Adds the hit's columns to the document; {@code body} is the text indexed as the body (offsets in its postings
     * refer to it).
     */
    static void addTo(Document doc, IndexedService service, String body) {
        ByteBuffersDataOutput card = new ByteBuffersDataOutput();
        card.writeString(service.serviceId().toString());
        card.writeString(orEmpty(service.externalId()));
        card.writeString(orEmpty(service.leikaKey()));
        card.writeString(cut(service.title(), TITLE_CHARS));
        // one character more than shown: the snippet then knows the summary goes on
        card.writeString(cut(service.summary(), SUMMARY_CHARS + 1));
        card.writeByte((byte) (service.published() ? 1 : 0));
        doc.add(new BinaryDocValuesField(CARD, new BytesRef(card.toArrayCopy())));
        doc.add(new BinaryDocValuesField(BODY_TEXT, new BytesRef(cut(body, TEXT_CHARS))));
        doc.add(new BinaryDocValuesField(NOTES_TEXT, new BytesRef(cut(service.internalNotes(), TEXT_CHARS))));
    }

    /** The hit data of the given documents (top-level doc ids, any order). */
    static Map<Integer, HitData> read(IndexReader reader, int[] docIds) throws IOException {
        int[] ascending = docIds.clone();
        Arrays.sort(ascending); // doc values are read forwards
        Map<Integer, HitData> hits = new HashMap<>();
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = null;
        BinaryDocValues cards = null;
        BinaryDocValues bodies = null;
        BinaryDocValues notes = null;
        for (int docId : ascending) {
            if (leaf == null || docId >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
                cards = leaf.reader().getBinaryDocValues(CARD);
                bodies = leaf.reader().getBinaryDocValues(BODY_TEXT);
                notes = leaf.reader().getBinaryDocValues(NOTES_TEXT);
            }
            int doc = docId - leaf.docBase;
            if (cards == null || !cards.advanceExact(doc)) {
                throw new IllegalStateException(
                        "document " + docId + " has no hit data: index written by an " + "older layout");
            }
            ByteArrayDataInput in = new ByteArrayDataInput(
                    cards.binaryValue().bytes, cards.binaryValue().offset, cards.binaryValue().length);
            hits.put(
                    docId,
                    new HitData(
                            UUID.fromString(in.readString()),
                            orNull(in.readString()),
                            orNull(in.readString()),
                            in.readString(),
                            orNull(in.readString()),
                            in.readByte() == 1,
                            text(bodies, doc),
                            text(notes, doc)));
        }
        return hits;
    }

    private static String text(BinaryDocValues values, int doc) throws IOException {
        if (values == null || !values.advanceExact(doc) || values.binaryValue().length == 0) {
            return null;
        }
        return values.binaryValue().utf8ToString();
    }

    private static String cut(String text, int chars) {
        if (text == null) {
            return "";
        }
        int end = Math.min(text.length(), chars);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a character in two
        }
        return text.substring(0, end);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String orNull(String text) {
        return text.isBlank() ? null : text;
    }
}
