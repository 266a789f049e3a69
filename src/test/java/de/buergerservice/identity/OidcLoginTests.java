package de.buergerservice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import de.buergerservice.IntegrationTest;

/**
 * With an OIDC client registered (as {@code spring.security.oauth2.client.registration.*} does in production),
 * the German login page offers it and sends the browser to the provider's authorization endpoint.
 */
@IntegrationTest
@Import(OidcLoginTests.Keycloak.class)
class OidcLoginTests {

    @TestConfiguration
    static class Keycloak {

        @Bean
        ClientRegistrationRepository clientRegistrations() {
            return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId("keycloak")
                    .clientName("Keycloak der Kommunen")
                    .clientId("buergerservice")
                    .clientSecret("secret")
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope("openid", "profile")
                    .authorizationUri("https://sso.example/realms/kommunen/protocol/openid-connect/auth")
                    .tokenUri("https://sso.example/realms/kommunen/protocol/openid-connect/token")
                    .jwkSetUri("https://sso.example/realms/kommunen/protocol/openid-connect/certs")
                    .userNameAttributeName("preferred_username")
                    .build());
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    void loginPageOffersTheProvider() {
        assertThat(mvc.get().uri("/login"))
                .hasStatusOk()
                .bodyText()
                .contains("Anmelden mit Keycloak der Kommunen", "/oauth2/authorization/keycloak");
    }

    @Test
    void choosingTheProviderRedirectsToItsAuthorizationEndpoint() {
        assertThat(mvc.get().uri("/oauth2/authorization/keycloak"))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .startsWith("https://sso.example/realms/kommunen/protocol/openid-connect/auth")
                .contains("client_id=buergerservice", "scope=openid%20profile");
    }
}
