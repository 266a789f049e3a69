package de.buergerservice.knowledge;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Sign-in of the knowledge tests: an editor of their own, so they do not depend on what other tests of the shared
 * application context do with the demo editor; everybody else signs in with {@code demo}.
 */
public final class Editors {

    public static final String EDITOR = "redaktion-wissen";
    static final String PASSWORD = "wissen-2026-redaktion";

    private Editors() {}

    /** Creates the tests' editor once per application context (a second attempt is refused and ignored). */
    public static void ensure(MockMvcTester mvc) {
        mvc.post()
                .uri("/api/v1/users")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username": "%s", "displayName": "Rita Redaktion", "password": "%s", "enabled": true,
                         "roles": ["EDITOR"], "tenants": [], "departmentIds": []}""".formatted(EDITOR, PASSWORD))
                .exchange();
    }

    public static RequestPostProcessor as(String user) {
        return httpBasic(user, user.equals(EDITOR) ? PASSWORD : "demo");
    }
}
