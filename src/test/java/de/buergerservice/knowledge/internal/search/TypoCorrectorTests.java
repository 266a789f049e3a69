package de.buergerservice.knowledge.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class TypoCorrectorTests {

    @Test
    void distanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertThat(TypoCorrector.distance("ausweis", "ausweis", 2)).isZero();
        assertThat(TypoCorrector.distance("ausweis", "auswies", 2)).isEqualTo(1); // neighbours swapped
        assertThat(TypoCorrector.distance("ausweis", "ausweiss", 2)).isEqualTo(1);
        assertThat(TypoCorrector.distance("wohnsitz", "wonsits", 2)).isEqualTo(2);
        assertThat(TypoCorrector.distance("kfz", "fahrrad", 2)).isEqualTo(3); // given up past the limit
    }

    @Test
    void correctionsAreCloseTermsOfTheFieldClosestFirstWithTheTypedFirstLetter() throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
                for (String title :
                        List.of("fuehrerschein umtausch", "fuehrerscheine", "personalausweis", "fuehrung")) {
                    Document doc = new Document();
                    doc.add(new TextField("title", title, Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                List<TypoCorrector.Correction> corrections =
                        new TypoCorrector().corrections(reader, "title", "fuehrerschien");

                assertThat(corrections)
                        .extracting(TypoCorrector.Correction::term)
                        .containsExactly("fuehrerschein", "fuehrerscheine");
                assertThat(corrections.get(0).edits()).isEqualTo(1);
                assertThat(corrections.get(0).similarity("fuehrerschien")).isBetween(0.9f, 1f);
                assertThat(new TypoCorrector().corrections(reader, "title", "uehrerschein"))
                        .isEmpty();
                assertThat(new TypoCorrector().corrections(reader, "body", "fuehrerschien"))
                        .isEmpty();
            }
        }
    }
}
