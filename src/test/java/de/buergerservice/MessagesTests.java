package de.buergerservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The German and the English bundle name the same keys, so no page shows a raw key in either language. */
class MessagesTests {

    @Test
    void germanAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Set<String> german = keys("/messages.properties");
        Set<String> english = keys("/messages_en.properties");
        assertThat(english).as("keys missing in messages_en.properties")
                .containsAll(german);
        assertThat(german).as("keys missing in messages.properties").containsAll(english);
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (var in = new InputStreamReader(MessagesTests.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
