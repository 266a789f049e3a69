package de.buergerservice;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP session against a running server: signs in through the login form (with its CSRF token)
 * and keeps the session cookie, so tests see exactly what a browser would, including error dispatches.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;

    private WebSession(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A session signed in as {@code username} with password {@code demo}. */
    public static WebSession signIn(int port, String username) throws IOException, InterruptedException {
        WebSession session = new WebSession(port);
        String token = session.csrfTokenOf("/login");
        HttpResponse<String> login = session.http.send(
                HttpRequest.newBuilder(URI.create(session.base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=demo&_csrf="
                                + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 302
                || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Sign-in of " + username + " failed: " + login.statusCode());
        }
        return session;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String csrfTokenOf(String path) throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(get(path).body());
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token on " + path);
        }
        return m.group(1);
    }
}
