package de.buergerservice.identity;

import static de.buergerservice.Responses.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.IntegrationTest;

/**
 * The password policy where people set passwords (REST API and the administrator's user form): at least 12
 * characters, not the user name, not one of the 10,000 most common passwords (nor one with digits around it).
 */
@IntegrationTest
class PasswordPolicyTests {

    @Autowired
    MockMvcTester mvc;

    static String name() {
        return "pw-" + UUID.randomUUID().toString().substring(0, 8);
    }

    MvcTestResult create(String username, String password) {
        return mvc.post()
                .uri("/api/v1/users")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username": "%s", "displayName": "Passwort-Probe", "password": "%s", "enabled": true,
                         "roles": ["AGENT"], "tenants": [], "departmentIds": []}""".formatted(username, password))
                .exchange();
    }

    static void assertRefusedAtPassword(MvcTestResult result, String message) {
        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("password");
        assertThat(body(result)).contains(message);
    }

    @Nested
    class Api {

        @Test
        void givenElevenCharacters_thenRefused() {
            assertRefusedAtPassword(create(name(), "Elf-Zeichen"), "mindestens 12 Zeichen");
        }

        @Test
        void givenTheUserName_thenRefused() {
            String username = "passwort-gleich-name";
            assertRefusedAtPassword(create(username, username), "nicht der Benutzername");
            assertRefusedAtPassword(create(username, "PASSWORT-GLEICH-NAME-2026"), "nicht der Benutzername");
        }

        @Test
        void givenACommonPassword_thenRefused() throws IOException {
            String longCommon = new ClassPathResource("security/common-passwords.txt")
                    .getContentAsString(StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.startsWith("#") && line.length() >= 12)
                    .findFirst()
                    .orElseThrow();
            assertRefusedAtPassword(create(name(), longCommon), "zu verbreitet");
        }

        @Test
        void givenACommonPasswordWithDigitsAround_thenRefused() {
            assertRefusedAtPassword(create(name(), "Password2026!"), "zu verbreitet");
            assertRefusedAtPassword(create(name(), "iloveyou1234"), "zu verbreitet");
        }

        @Test
        void givenAChangeToACommonPassword_thenRefused() {
            String username = name();
            MvcTestResult created = create(username, "Kaffeetasse-Blau-17");
            assertThat(created).hasStatus(201);
            String id = de.buergerservice.Responses.read(created, "$.id");
            MvcTestResult changed = mvc.put()
                    .uri("/api/v1/users/" + id)
                    .with(httpBasic("admin", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"username": "%s", "displayName": "Passwort-Probe", "password": "qwertyuiop123",
                             "enabled": true, "roles": ["AGENT"], "tenants": [], "departmentIds": []}""".formatted(username))
                    .exchange();
            assertRefusedAtPassword(changed, "zu verbreitet");
        }

        @Test
        void givenALongUncommonPassword_thenAccepted() {
            assertThat(create(name(), "Kaffeetasse-Blau-17")).hasStatus(201);
        }

        @Test
        void givenEnglishClient_thenEnglishMessage() {
            MvcTestResult result = mvc.post()
                    .uri("/api/v1/users")
                    .with(httpBasic("admin", "demo"))
                    .header("Accept-Language", "en")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"username": "%s", "displayName": "P", "password": "password12345", "enabled": true,
                             "roles": ["AGENT"], "tenants": [], "departmentIds": []}""".formatted(name()))
                    .exchange();
            assertThat(body(result)).contains("too common");
        }
    }

    @Nested
    class UserForm {

        @Test
        void givenACommonPassword_thenGermanMessageAtTheField() {
            MvcTestResult result = mvc.post()
                    .uri("/admin/users")
                    .with(user("admin").roles("ADMIN"))
                    .with(csrf())
                    .param("username", name())
                    .param("displayName", "Formular-Probe")
                    .param("password", "passwort12345")
                    .param("enabled", "true")
                    .param("roles", "AGENT")
                    .exchange();
            assertThat(result).hasStatus(200);
            assertThat(body(result))
                    .contains("Dieses Passwort ist zu verbreitet")
                    .contains("field invalid");
        }
    }
}
