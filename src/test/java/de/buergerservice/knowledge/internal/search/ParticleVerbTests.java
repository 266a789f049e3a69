package de.buergerservice.knowledge.internal.search;

import static de.buergerservice.knowledge.internal.search.ThesaurusTests.service;
import static de.buergerservice.knowledge.internal.search.ThesaurusTests.titles;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A verb whose particle the caller put at the end of the sentence still finds the service named by the verb. */
class ParticleVerbTests {

    @Test
    void givenSeparatedParticle_thenTheServiceOfTheWholeVerbComesFirst(@TempDir Path dir) throws IOException {
        try (SearchIndex index = SearchIndex.open(dir, new GermanServiceAnalyzer())) {
            index.add(service("Anmeldung eines Hundes", "Melden Sie Ihren Hund bei der Stadt."));
            index.add(service("Abmeldung eines Hundes", "Melden Sie Ihren Hund bei der Stadt."));
            index.refresh();
            ServiceSearchEngine engine = new ServiceSearchEngine(new GermanServiceAnalyzer(), Thesaurus.empty());

            assertThat(titles(index, engine, "Wie melde ich meinen Hund ab?")).startsWith("Abmeldung eines Hundes");
            assertThat(titles(index, engine, "Wie melde ich meinen Hund an?")).startsWith("Anmeldung eines Hundes");
            assertThat(titles(index, engine, "Hund melden")).hasSize(2);
        }
    }
}
