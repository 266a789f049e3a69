package de.buergerservice.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (the WebJar {@code org.webjars.npm:axe-core}, test scope) run in the page the browser shows: injected
 * through WebDriver, so the page's Content-Security-Policy stays as strict as for citizens. All rules axe runs by
 * default (WCAG 2.0/2.1 A and AA and best practices) count; the result is the list of violations.
 */
public final class Axe {

    private static final String SOURCE = load();

    private Axe() {}

    /** Each violation as "rule: help (n nodes: selectors)"; empty when the page passes. */
    @SuppressWarnings("unchecked")
    public static List<String> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(SOURCE);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document).then(r => done(r.violations.map(v => ({
                    id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).join(', ')}))))
                  .catch(e => done([{id: 'axe-error', help: String(e), nodes: ''}]));
                """);
        return ((List<Map<String, Object>>) result)
                .stream()
                        .map(v -> v.get("id") + ": " + v.get("help") + " (" + v.get("nodes") + ")")
                        .toList();
    }

    private static String load() {
        ClassLoader loader = Axe.class.getClassLoader();
        try (InputStream pom = loader.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            Properties properties = new Properties();
            properties.load(pom);
            String path = "META-INF/resources/webjars/axe-core/" + properties.getProperty("version") + "/axe.min.js";
            try (InputStream script = loader.getResourceAsStream(path)) {
                return new String(script.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
