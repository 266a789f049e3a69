package de.buergerservice.security;

import static de.buergerservice.Responses.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import de.buergerservice.IntegrationTest;
import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeCatalog;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The attack suite's hostile input: SQL and Lucene injection in every search, path traversal in every path
 * variable of every GET endpoint (file downloads included, also those added later), oversized bodies and JSON
 * bombs. Never a 500, never data of another municipality or a file of the server, and the server answers
 * normally afterwards.
 */
@IntegrationTest
class AttackInputTests {

    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1",
            "'; DROP TABLE tenant; --",
            "\" OR 1=1 --",
            "1' UNION SELECT username, password_hash FROM user_account --",
            "%' AND 1=0 UNION SELECT NULL --",
            "\\'; SELECT pg_sleep(5); --",
            "*:*",
            "*",
            "?",
            "title:* OR tenant_id:*",
            "[* TO *]",
            "{a TO z}",
            "/.*/",
            "((((((((((",
            "\"unterminated",
            "AND OR NOT",
            "ausweis~999",
            "ausweis^1e308",
            "a".repeat(5000),
            "\u0000\u0001\uFFFF",
            "ä ö ü ß \uD83D\uDE00");

    static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    org.springframework.test.web.servlet.MockMvc plain;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    KnowledgeCatalog knowledge;

    /** The title of the service only Oldenburg has: Artland's searches must never show it. */
    String oldenburgOnlyTitle() {
        var oldenburg = tenants.findBySlug("oldenburg").orElseThrow();
        return knowledge.list(oldenburg.id(), Audience.STAFF).stream()
                .filter(service -> !service.catalogue())
                .findFirst()
                .orElseThrow()
                .title();
    }

    /** Every search of the product: path with {@code %s} for the query, and who calls it. */
    record Search(String uri, String username) {}

    static final List<Search> SEARCHES = List.of(
            new Search("/api/v1/tenants/artland/knowledge/search?q=%s", "artland-backoffice"),
            new Search("/api/v1/tenants/artland/knowledge/services?q=%s", "editor"),
            new Search("/knowledge/artland?q=%s", "editor"),
            new Search("/knowledge/synonyms/try?tenant=artland&q=%s", "editor"),
            new Search("/desk/knowledge?tenant=artland&q=%s", "agent1"),
            new Search("/artland/suche?q=%s", null),
            new Search("/api/public/v1/artland/services?q=%s", null),
            new Search("/api/v1/audit?actor=%s", "admin"),
            new Search("/admin/audit?actor=%s", "admin"));

    MvcTestResult search(Search search, String query) {
        var request = mvc.get()
                .uri(search.uri().formatted(URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .accept(search.uri().startsWith("/api/") ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML)
                // a client address of its own per call: this is about input, not about the rate limit
                .with(request1 -> {
                    int n = ADDRESSES.getAndIncrement();
                    request1.setRemoteAddr("198.19.100." + (n % 250 + 1));
                    return request1;
                });
        if (search.username() != null) {
            request = request.with(user(accounts.loadUserByUsername(search.username())));
        }
        return request.exchange();
    }

    @TestFactory
    Stream<DynamicTest> injectionInEverySearch() {
        String foreign = oldenburgOnlyTitle();
        return SEARCHES.stream()
                .map(search -> DynamicTest.dynamicTest(search.uri(), () -> {
                    assertThat(search(search, "Ausweis").getResponse().getStatus())
                            .as(search.uri() + " answers a normal query")
                            .isEqualTo(200);
                    for (String injection : INJECTIONS) {
                        MvcTestResult result = search(search, injection);
                        String what =
                                search.uri() + " with " + injection.substring(0, Math.min(40, injection.length()));
                        assertThat(result.getResponse().getStatus()).as(what).isIn(200, 400);
                        String body = body(result);
                        assertThat(body).as(what + ": Oldenburg's service").doesNotContain(foreign);
                        assertThat(body)
                                .as(what + ": no database or password hash")
                                .doesNotContain(
                                        "{bcrypt}", "$2a$", "SQLException", "org.h2", "PSQLException", "syntax");
                    }
                }));
    }

    @Nested
    class PathTraversal {

        static final List<String> TRAVERSALS = List.of(
                "..%2F..%2F..%2Fetc%2Fpasswd",
                "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "..%5C..%5Cwindows%5Cwin.ini",
                "%252e%252e%252fetc%252fpasswd",
                "....%2F%2F....%2F%2Fetc%2Fpasswd",
                "%00",
                "application.properties");

        /** Every GET endpoint with a path variable, each variable replaced by a traversal. */
        @TestFactory
        Stream<DynamicTest> inEveryPathVariable() {
            return Endpoints.of(mappings).all().stream()
                    .filter(endpoint -> endpoint.method() == HttpMethod.GET
                            && !endpoint.variables().isEmpty())
                    .map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> {
                        for (String traversal : TRAVERSALS) {
                            String uri = endpoint.pattern().replaceAll("\\{[^}]+}", traversal);
                            // plain MockMvc: an event stream is judged by its status, not read to its end
                            var result = plain.perform(
                                            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                                            java.net.URI.create(uri))
                                                    .with(user(accounts.loadUserByUsername("admin"))))
                                    .andReturn();
                            assertThat(result.getResponse().getStatus())
                                    .as(endpoint + " with " + traversal)
                                    .isIn(302, 400, 401, 403, 404);
                            assertNoServerFile(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
                        }
                    }));
        }

        @Test
        void inStaticResources() {
            for (String path : List.of(
                    "/css/..%2F..%2Fapplication.properties",
                    "/js/%2e%2e/%2e%2e/application.properties",
                    "/css/../application.properties",
                    "/js/..;/..;/application.properties",
                    "/img/%252e%252e/%252e%252e/application.properties",
                    "/webjars/../../../../etc/passwd",
                    "/css/%5c..%5c..%5capplication.properties")) {
                MvcTestResult result = mvc.get().uri(java.net.URI.create(path)).exchange();
                assertThat(result.getResponse().getStatus()).as(path).isIn(400, 401, 302, 403, 404);
                assertNoServerFile(body(result));
            }
        }

        void assertNoServerFile(String body) {
            assertThat(body).doesNotContain("root:x:0:0", "spring.datasource", "[fonts]");
        }
    }

    @Nested
    class OversizedBodies {

        MvcTestResult postTenant(String json) {
            return mvc.post()
                    .uri("/api/v1/tenants")
                    .with(httpBasic("admin", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json)
                    .exchange();
        }

        void assertHealthy() {
            assertThat(mvc.get().uri("/actuator/health")).hasStatus(200);
            assertThat(mvc.get().uri("/api/v1/tenants").with(httpBasic("admin", "demo")))
                    .hasStatus(200);
        }

        @Test
        void givenABodyOverTheLimit_then413() {
            String huge = "{\"name\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
            MvcTestResult result = postTenant(huge);
            assertThat(result).hasStatus(413);
            assertThat(body(result)).contains("Die Anfrage ist zu groß");
            assertHealthy();
        }

        @Test
        void givenDeepNesting_then400() {
            String bomb = "{\"name\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
            assertThat(postTenant(bomb)).hasStatus(400);
            String objects = "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000);
            assertThat(postTenant(objects)).hasStatus(400);
            assertHealthy();
        }

        @Test
        void givenAHugeArrayUnderTheLimit_then400() {
            StringBuilder array = new StringBuilder("{\"phoneNumbers\":[");
            for (int i = 0; i < 200_000; i++) {
                array.append(i == 0 ? "" : ",").append("\"1\"");
            }
            array.append("]}");
            assertThat(postTenant(array.toString()).getResponse().getStatus()).isIn(400, 413);
            assertHealthy();
        }

        @Test
        void givenAHugeStringField_then400() {
            assertThat(postTenant("{\"name\":\"" + "ä".repeat(500_000) + "\",\"slug\":\"x\"}"))
                    .hasStatus(400);
            assertHealthy();
        }

        @Test
        void givenGarbage_then400() {
            for (String garbage : List.of("{", "\u0000\u0000", "[1,2,", "{\"name\": NaN}", "{\"a\":1}}}}", "null")) {
                assertThat(postTenant(garbage)).as(garbage).hasStatus(400);
            }
            assertHealthy();
        }
    }
}
