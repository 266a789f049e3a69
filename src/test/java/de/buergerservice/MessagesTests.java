package de.buergerservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every message bundle named in {@code spring.messages.basename} has the same keys in German and English, so no
 * page shows a raw key in either language.
 */
class MessagesTests {

    @TestFactory
    List<DynamicTest> germanAndEnglishBundlesHaveTheSameKeys() throws IOException {
        return basenames().stream()
                .map(basename -> DynamicTest.dynamicTest(basename, () -> {
                    Set<String> german = keys("/" + basename + ".properties");
                    Set<String> english = keys("/" + basename + "_en.properties");
                    assertThat(english)
                            .as("keys missing in %s_en.properties", basename)
                            .containsAll(german);
                    assertThat(german)
                            .as("keys missing in %s.properties", basename)
                            .containsAll(english);
                }))
                .toList();
    }

    static List<String> basenames() throws IOException {
        String value = load("/application.properties").getProperty("spring.messages.basename");
        return Arrays.stream(value.split(",")).map(String::strip).toList();
    }

    static Set<String> keys(String resource) throws IOException {
        return new TreeSet<>(load(resource).stringPropertyNames());
    }

    static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream stream = MessagesTests.class.getResourceAsStream(resource)) {
            assertThat(stream).as(resource).isNotNull();
            properties.load(new InputStreamReader(stream, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
