package de.buergerservice.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import de.buergerservice.WebSession;

/**
 * Errors that reach the servlet container's error dispatch (unknown URLs, refused pages), over real HTTP:
 * browsers get German pages, API clients problem+json.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ErrorPagesTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path, String accept, String user) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Accept", accept)
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenUnknownApiPath_thenProblemJson404InGerman() throws Exception {
        HttpResponse<String> response = get("/api/v1/gibt-es-nicht", "application/json", "admin");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"title\":\"Nicht gefunden\"");
    }

    @Test
    void givenQueryStringBeyondTheHeaderLimit_thenProblemJsonNotTomcatsPage() throws Exception {
        String query = "Ausweis+".repeat(21_000 / 8);
        HttpResponse<String> response =
                get("/api/v1/tenants/artland/knowledge/search?q=" + query, "application/json", "agent1");
        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"title\":\"Kopfzeilen zu groß\"", "\"status\":431")
                .doesNotContain("<html");
    }

    @Test
    void givenUnknownPage_thenGermanErrorPage() throws Exception {
        HttpResponse<String> response = WebSession.signIn(port, "agent1").get("/gibt-es-nicht");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Seite nicht gefunden", "lang=\"de\"");
    }

    @Test
    void givenAgentOnAdminPage_thenGermanForbiddenPage() throws Exception {
        HttpResponse<String> response = WebSession.signIn(port, "agent1").get("/admin/tenants");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Kein Zugriff");
    }
}
