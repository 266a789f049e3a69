package de.buergerservice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import de.buergerservice.IntegrationTest;

/**
 * OIDC access tokens (as Keycloak or any OIDC provider issues them) for the REST API. The test plays the
 * provider with its own RSA key; in production the key set comes from the configured issuer. Roles and tenants
 * are read from the token's claims and obey the same tenant scope as local accounts.
 */
@IntegrationTest
@Import(BearerTokenTests.TestIssuer.class)
class BearerTokenTests {

    static final RSAKey KEY = generate();
    static final RSAKey OTHER_KEY = generate();

    @TestConfiguration
    static class TestIssuer {

        @Bean
        JwtDecoder jwtDecoder() throws JOSEException {
            return NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
        }
    }

    @Autowired
    MockMvcTester mvc;

    static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("test").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String token(RSAKey key, String user, List<String> roles, List<String> tenants) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("sub-" + user)
                .claim("preferred_username", user)
                .claim("roles", roles)
                .claim("tenants", tenants)
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
        jwt.sign(new RSASSASigner(key));
        return "Bearer " + jwt.serialize();
    }

    @Test
    void givenManagementTokenOfArtland_thenArtlandVisibleOldenburgNot() throws JOSEException {
        String bearer = token(KEY, "m.mueller", List.of("MANAGEMENT"), List.of("artland"));
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", bearer))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.username")
                .isEqualTo("m.mueller");
        assertThat(mvc.get().uri("/api/v1/tenants/artland").header("Authorization", bearer))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/tenants/oldenburg").header("Authorization", bearer))
                .hasStatus(404);
    }

    @Test
    void givenAdminToken_thenAdministrationAllowed() throws JOSEException {
        String bearer = token(KEY, "it.admin", List.of("admin"), List.of());
        assertThat(mvc.get().uri("/api/v1/users").header("Authorization", bearer))
                .hasStatusOk();
    }

    @Test
    void givenTokenWithoutKnownRoles_thenNoTenantAndNoAdministration() throws JOSEException {
        String bearer = token(KEY, "gast", List.of("offline_access"), List.of("artland"));
        assertThat(mvc.get().uri("/api/v1/tenants/artland").header("Authorization", bearer))
                .hasStatus(404);
        assertThat(mvc.get().uri("/api/v1/users").header("Authorization", bearer))
                .hasStatus(403);
    }

    @Test
    void givenTokenSignedByAnotherKey_thenUnauthorized() throws JOSEException {
        String bearer = token(OTHER_KEY, "mallory", List.of("ADMIN"), List.of());
        assertThat(mvc.get().uri("/api/v1/users").header("Authorization", bearer))
                .hasStatus(401);
    }

    @Test
    void givenOwnApiTokenBesideTheIssuer_thenBothKindsOfBearerTokenWork() throws JOSEException {
        List<String> agents = de.buergerservice.Responses.read(
                mvc.get()
                        .uri("/api/v1/users")
                        .header("Authorization", token(KEY, "it.admin", List.of("ADMIN"), List.of()))
                        .exchange(),
                "$[?(@.username == 'agent2')].id");
        String agent = agents.get(0);
        String created = de.buergerservice.Responses.read(
                mvc.post()
                        .uri("/api/v1/users/" + agent + "/tokens")
                        .header("Authorization", token(KEY, "it.admin", List.of("ADMIN"), List.of()))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Fachverfahren\", \"expiresOn\": \"%s\"}"
                                .formatted(java.time.LocalDate.now().plusDays(7)))
                        .exchange(),
                "$.token");
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + created))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.username")
                .isEqualTo("agent2");
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer bst_falsch"))
                .hasStatus(401);
        assertThat(mvc.get()
                        .uri("/api/v1/me")
                        .header("Authorization", token(KEY, "m.mueller", List.of("MANAGEMENT"), List.of("artland"))))
                .hasStatusOk();
    }
}
