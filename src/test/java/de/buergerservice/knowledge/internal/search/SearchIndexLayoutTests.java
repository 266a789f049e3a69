package de.buergerservice.knowledge.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexLayoutTests {

    @Test
    void anIndexInTheOldUnsortedLayoutIsRefusedSoTheProductStartsANewOne(@TempDir Path dir) throws Exception {
        try (FSDirectory directory = FSDirectory.open(dir);
                IndexWriter old = new IndexWriter(directory, new IndexWriterConfig())) {
            Document doc = new Document();
            doc.add(new StringField(ServiceDocuments.TENANT, "t", Field.Store.NO));
            old.addDocument(doc);
            old.commit();
        }

        assertThatThrownBy(() -> SearchIndex.open(dir, new GermanServiceAnalyzer()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("indexSort");
    }

    @Test
    void summaryAndBodyAreSearchedAsOneTextWithoutRepeatingAnImportedTeaser() {
        assertThat(ServiceDocuments.searchableText("Sie ziehen um.", "Sie ziehen um. Melden Sie sich an."))
                .isEqualTo("Sie ziehen um. Melden Sie sich an.");
        assertThat(ServiceDocuments.searchableText("Sie ziehen …", "Sie ziehen um."))
                .isEqualTo("Sie ziehen um.");
        assertThat(ServiceDocuments.searchableText("Kurz gesagt: anmelden.", "Wer umzieht, meldet sich an."))
                .isEqualTo("Kurz gesagt: anmelden.\n\nWer umzieht, meldet sich an.");
        assertThat(ServiceDocuments.searchableText(null, "Text")).isEqualTo("Text");
        assertThat(ServiceDocuments.searchableText("Nur kurz", null)).isEqualTo("Nur kurz");
    }
}
