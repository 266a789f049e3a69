package de.buergerservice.identity;

import static de.buergerservice.Responses.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.IntegrationTest;

/**
 * Machine clients of the REST API: API tokens (created by an administrator, shown once, stored as SHA-256 only,
 * revocable, expiring) and HTTP Basic, whose verified credentials are cached briefly — but never past a change
 * of the user's password, roles or state.
 */
@IntegrationTest
class ApiTokenTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcTemplate jdbc;

    String createUser(String username, String password, String role) {
        MvcTestResult created = mvc.post()
                .uri("/api/v1/users")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username": "%s", "displayName": "CMS Artland", "password": "%s", "enabled": true,
                         "roles": ["%s"], "tenants": ["artland"], "departmentIds": []}
                        """.formatted(username, password, role))
                .exchange();
        assertThat(created).hasStatus(201);
        return read(created, "$.id");
    }

    MvcTestResult createToken(String userId, String body) {
        return mvc.post()
                .uri("/api/v1/users/" + userId + "/tokens")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    String token(String userId) {
        MvcTestResult created = createToken(
                userId,
                "{\"name\": \"CMS\", \"expiresOn\": \"%s\"}"
                        .formatted(LocalDate.now().plusDays(30)));
        assertThat(created).hasStatus(201);
        return read(created, "$.token");
    }

    MvcTestResult me(String authorization) {
        return mvc.get()
                .uri("/api/v1/me")
                .header("Authorization", authorization)
                .exchange();
    }

    @Test
    void givenToken_thenItActsAsItsUserWithItsTenants() {
        String userId = createUser("cms.token", "Rathaus-Schluessel-42", "BACKOFFICE");
        String token = token(userId);
        assertThat(token).startsWith("bst_").hasSizeGreaterThan(40);
        assertThat(me("Bearer " + token))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.username")
                .isEqualTo("cms.token");
        assertThat(mvc.get().uri("/api/v1/tenants/artland").header("Authorization", "Bearer " + token))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/tenants/oldenburg").header("Authorization", "Bearer " + token))
                .hasStatus(404);
    }

    @Test
    void givenTokenList_thenTheTokenItselfIsNeverShownAgainNorStored() {
        String userId = createUser("cms.list", "Rathaus-Schluessel-42", "BACKOFFICE");
        String token = token(userId);
        MvcTestResult list = mvc.get()
                .uri("/api/v1/users/" + userId + "/tokens")
                .with(httpBasic("admin", "demo"))
                .exchange();
        assertThat(list).hasStatusOk().bodyText().doesNotContain(token).contains(token.substring(0, 10));
        assertThat(jdbc.queryForObject(
                        "select token_hash from api_token where user_id = ?", String.class, UUID.fromString(userId)))
                .isEqualTo(sha256(token));
    }

    @Test
    void givenRevokedToken_thenUnauthorizedAtOnce() {
        String userId = createUser("cms.revoked", "Rathaus-Schluessel-42", "BACKOFFICE");
        String token = token(userId);
        assertThat(me("Bearer " + token)).hasStatusOk();
        String tokenId = read(
                mvc.get()
                        .uri("/api/v1/users/" + userId + "/tokens")
                        .with(httpBasic("admin", "demo"))
                        .exchange(),
                "$[0].id");
        assertThat(mvc.delete()
                        .uri("/api/v1/users/" + userId + "/tokens/" + tokenId)
                        .with(httpBasic("admin", "demo")))
                .hasStatus(204);
        assertThat(me("Bearer " + token))
                .hasStatus(401)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Das API-Token ist unbekannt, abgelaufen oder widerrufen.");
    }

    @Test
    void givenExpiredToken_thenUnauthorized() throws Exception {
        String userId = createUser("cms.expired", "Rathaus-Schluessel-42", "BACKOFFICE");
        String token = "bst_abgelaufenabgelaufenabgelaufenabgelaufen1";
        Instant past = Instant.now().minus(1, ChronoUnit.MINUTES);
        jdbc.update(
                "insert into api_token (id, user_id, name, token_hash, hint, expires_at, version, created_at,"
                        + " updated_at) values (?, ?, 'alt', ?, 'bst_ab', ?, 0, ?, ?)",
                UUID.randomUUID(),
                UUID.fromString(userId),
                sha256(token),
                Timestamp.from(past),
                Timestamp.from(past.minus(1, ChronoUnit.DAYS)),
                Timestamp.from(past.minus(1, ChronoUnit.DAYS)));
        assertThat(me("Bearer " + token)).hasStatus(401);
    }

    @Test
    void givenUnknownToken_thenUnauthorizedProblemWithBearerChallenge() {
        MvcTestResult result = me("Bearer bst_dasgibtesnichtdasgibtesnichtdasgibtesnicht");
        assertThat(result)
                .hasStatus(401)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers()
                .hasValue("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(401);
    }

    @Test
    void givenTokenOfDisabledUser_thenUnauthorized() {
        String userId = createUser("cms.disabled", "Rathaus-Schluessel-42", "BACKOFFICE");
        String token = token(userId);
        assertThat(me("Bearer " + token)).hasStatusOk();
        assertThat(mvc.put()
                        .uri("/api/v1/users/" + userId)
                        .with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username": "cms.disabled", "displayName": "CMS Artland", "enabled": false,
                                 "roles": ["BACKOFFICE"], "tenants": ["artland"], "departmentIds": []}
                                """))
                .hasStatusOk();
        assertThat(me("Bearer " + token)).hasStatus(401);
    }

    @Test
    void givenPasswordChange_thenTheCachedOldPasswordIsRefusedAtOnce() {
        String userId = createUser("cms.basic", "altes-passwort", "BACKOFFICE");
        // twice: the second answer comes from the cache of verified credentials
        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic("cms.basic", "altes-passwort")))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic("cms.basic", "altes-passwort")))
                .hasStatusOk();
        assertThat(mvc.put()
                        .uri("/api/v1/users/" + userId)
                        .with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username": "cms.basic", "displayName": "CMS Artland", "password": "neues-passwort",
                                 "enabled": true, "roles": ["BACKOFFICE"], "tenants": ["artland"], "departmentIds": []}
                                """))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic("cms.basic", "altes-passwort")))
                .hasStatus(401);
        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic("cms.basic", "neues-passwort")))
                .hasStatusOk();
    }

    @Test
    void givenRoleChange_thenTheCachedLoginHasTheNewRoles() {
        String userId = createUser("cms.roles", "Rathaus-Schluessel-42", "BACKOFFICE");
        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic("cms.roles", "Rathaus-Schluessel-42")))
                .bodyJson()
                .extractingPath("$.roles[0]")
                .isEqualTo("BACKOFFICE");
        assertThat(mvc.put()
                        .uri("/api/v1/users/" + userId)
                        .with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username": "cms.roles", "displayName": "CMS Artland", "enabled": true,
                                 "roles": ["MANAGEMENT"], "tenants": ["artland"], "departmentIds": []}
                                """))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic("cms.roles", "Rathaus-Schluessel-42")))
                .bodyJson()
                .extractingPath("$.roles[0]")
                .isEqualTo("MANAGEMENT");
    }

    @Test
    void givenWrongPassword_thenStillRefusedAfterACachedLogin() {
        createUser("cms.wrong", "Rathaus-Schluessel-42", "BACKOFFICE");
        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic("cms.wrong", "Rathaus-Schluessel-42")))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic("cms.wrong", "geheim-124")))
                .hasStatus(401)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void givenExpiryInThePast_thenGermanMessageAtTheField() {
        String userId = createUser("cms.past", "Rathaus-Schluessel-42", "BACKOFFICE");
        MvcTestResult result = createToken(userId, "{\"name\": \"CMS\", \"expiresOn\": \"2020-01-01\"}");
        assertThat(result)
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("expiresOn");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .isEqualTo("Das Ablaufdatum darf nicht in der Vergangenheit liegen.");
    }

    @Test
    void givenNonAdministratorWithInvalidBody_thenForbiddenBeforeValidation() {
        String userId = createUser("cms.target", "Rathaus-Schluessel-42", "BACKOFFICE");
        assertThat(mvc.post()
                        .uri("/api/v1/users/" + userId + "/tokens")
                        .with(httpBasic("supervisor", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .hasStatus(403);
    }

    @Test
    @WithUserDetails("admin")
    void tokenPageShowsTheNewTokenOnceAndOffersRevocation() {
        String userId = createUser("cms.page", "Rathaus-Schluessel-42", "BACKOFFICE");
        assertThat(mvc.get().uri("/admin/users/" + userId + "/tokens"))
                .hasStatusOk()
                .bodyText()
                .contains("API-Tokens von cms.page");
        MvcTestResult created = mvc.post()
                .uri("/admin/users/" + userId + "/tokens")
                .with(csrf())
                .param("name", "CMS Artland")
                .param("expiresOn", LocalDate.now().plusDays(10).toString())
                .exchange();
        assertThat(created).hasStatusOk().bodyText().contains("bst_").contains("Widerrufen");
        MvcTestResult again =
                mvc.get().uri("/admin/users/" + userId + "/tokens").exchange();
        assertThat(again).bodyText().doesNotContain("id=\"created-token\"");
    }

    static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
