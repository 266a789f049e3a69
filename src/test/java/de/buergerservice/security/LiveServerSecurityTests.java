package de.buergerservice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What only a real server shows (the same context as the browser tests, no Chromium needed): the session cookie's
 * attributes and timeout, the login page a locked name gets (a forward, which MockMvc does not carry out), and the
 * German error page of a rate-limited browser.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LiveServerSecurityTests {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * The server over IPv6 loopback: a client address of these tests' own, so that their failed logins and
     * searches do not count against 127.0.0.1, where the browser tests of the same context sign in and search.
     */
    String base() {
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("::1", port), 2000);
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here: " + e.getMessage());
        }
        return "http://[::1]:" + port;
    }

    HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> login = get("/login", null);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax");
        // plain HTTP here: Secure comes with TLS (docs/security.md)
        assertThat(cookie).doesNotContain("Secure");
    }

    @Test
    void givenLogin_thenTheSessionGetsANewId() throws Exception {
        HttpResponse<String> page = get("/login", null);
        String before = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", before)
                        .POST(HttpRequest.BodyPublishers.ofString("username=supervisor&password=demo&_csrf="
                                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        String after = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(after).startsWith("JSESSIONID=").isNotEqualTo(before);
        // the old id is worth nothing now
        assertThat(get("/", before).statusCode()).isEqualTo(302);
        assertThat(get("/", after).statusCode()).isEqualTo(200);
    }

    @Test
    void givenLockedName_thenTheLoginPageSaysSoInGermanWith403() throws Exception {
        String name = "live-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> last = null;
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> page = get("/login", null);
            String cookie =
                    page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).isTrue();
            last = http.send(
                    HttpRequest.newBuilder(URI.create(base() + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Cookie", cookie)
                            .POST(HttpRequest.BodyPublishers.ofString("username=" + name
                                    + "&password=falsch-falsch&_csrf="
                                    + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertThat(last.statusCode()).isEqualTo(403);
        assertThat(last.headers().firstValue("Retry-After")).hasValue("900");
        assertThat(last.body())
                .contains("Zu viele fehlgeschlagene Anmeldeversuche für diesen Benutzernamen")
                .contains("15 Minuten")
                .doesNotContain("Benutzername oder Passwort ist falsch")
                .contains("name=\"_csrf\"");
    }

    @Test
    void givenTooManySearches_thenTheGermanErrorPageWith429() throws Exception {
        // a municipality that does not exist answers 404, but the search still counts
        HttpResponse<String> last = null;
        for (int i = 0; i < 61; i++) {
            last = get("/zz-unbekannt/suche?q=x", null);
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.body()).contains("Zu viele Anfragen");
    }
}
