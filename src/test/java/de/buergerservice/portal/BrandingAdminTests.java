package de.buergerservice.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import de.buergerservice.IntegrationTest;

/**
 * Administrators brand each municipality's portal; the colour is refused below 4.5:1 against white (German
 * message with the ratio), a logo must really be a PNG or JPEG, and nobody but administrators may change it.
 */
@IntegrationTest
class BrandingAdminTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void adminSeesTheFormWithTheCurrentValues() {
        assertThat(mvc.get().uri("/admin/portal/oldenburg").with(user(users.loadUserByUsername("admin"))))
                .hasStatusOk()
                .bodyText()
                .contains("Bürgerportal: Stadt Oldenburg", "#005a9c", "Pferdemarkt 14");
    }

    @Test
    void givenALightColour_thenTheContrastIsRefusedInGerman() {
        assertThat(mvc.post()
                        .uri("/admin/portal/oldenburg")
                        .with(user(users.loadUserByUsername("admin")))
                        .with(csrf())
                        .param("primaryColour", "#7fb2e5"))
                .hasStatusOk()
                .bodyText()
                .contains("nötig ist ein Kontrast von mindestens 4,5:1 gegen Weiß", "Diese Farbe erreicht nur 2,2:1.");
        assertThat(mvc.get().uri("/oldenburg/marke.css")).bodyText().contains("#005a9c");
    }

    @Test
    void givenNoColourFormat_thenAGermanMessage() {
        assertThat(mvc.post()
                        .uri("/admin/portal/oldenburg")
                        .with(user(users.loadUserByUsername("admin")))
                        .with(csrf())
                        .param("primaryColour", "red;}body{display:none"))
                .hasStatusOk()
                .bodyText()
                .contains("Bitte eine Farbe im Format #rrggbb angeben");
    }

    @Test
    void givenAnInvalidLink_thenAGermanMessage() {
        assertThat(mvc.post()
                        .uri("/admin/portal/oldenburg")
                        .with(user(users.loadUserByUsername("admin")))
                        .with(csrf())
                        .param("primaryColour", "#005a9c")
                        .param("imprintUrl", "javascript:alert(1)"))
                .hasStatusOk()
                .bodyText()
                .contains("Bitte eine Adresse beginnend mit https:// angeben.");
    }

    @Test
    void aDarkColourIsSavedAndShowsOnThePortalAtOnce() {
        var admin = user(users.loadUserByUsername("admin"));
        // the colour reaches the pages through their stylesheet, which browsers revalidate (no-cache)
        String before =
                mvc.get().uri("/oldenburg/marke.css").exchange().getResponse().getHeader("ETag");
        try {
            assertThat(mvc.post()
                            .uri("/admin/portal/oldenburg")
                            .with(admin)
                            .with(csrf())
                            .param("primaryColour", "#6b1d1d")
                            .param("address", "Rathaus, Markt 1, 26122 Oldenburg")
                            .param("imprintUrl", "https://www.oldenburg.de/impressum")
                            .param("privacyUrl", "https://www.oldenburg.de/datenschutz"))
                    .hasStatus3xxRedirection();
            assertThat(mvc.get().uri("/oldenburg/marke.css")).bodyText().contains("--primary: #6b1d1d");
            assertThat(mvc.get()
                            .uri("/oldenburg/marke.css")
                            .exchange()
                            .getResponse()
                            .getHeader("ETag"))
                    .isNotEqualTo(before);
            // the address is on the (cached) pages: they are built anew at once
            assertThat(mvc.get().uri("/oldenburg/")).bodyText().contains("Rathaus, Markt 1, 26122 Oldenburg");
        } finally {
            mvc.post()
                    .uri("/admin/portal/oldenburg")
                    .with(admin)
                    .with(csrf())
                    .param("primaryColour", "#005a9c")
                    .param("address", "Stadt Oldenburg, Bürgerbüro Mitte, Pferdemarkt 14, 26121 Oldenburg")
                    .param("imprintUrl", "https://www.oldenburg.de/impressum")
                    .param("privacyUrl", "https://www.oldenburg.de/datenschutz")
                    .param("feedbackEmail", "barrierefreiheit@oldenburg.example")
                    .exchange();
        }
    }

    @Test
    void givenAFileThatIsNoImage_thenTheLogoIsRefused() {
        var file = new MockMultipartFile("logo", "logo.png", "image/png", "<svg onload=alert(1)>".getBytes());
        assertThat(mvc.post()
                        .uri("/admin/portal/oldenburg/logo")
                        .multipart()
                        .file(file)
                        .with(user(users.loadUserByUsername("admin")))
                        .with(csrf()))
                .hasStatus3xxRedirection()
                .flash()
                .containsKey("notice");
        assertThat(mvc.get().uri("/oldenburg/logo")).hasStatus(404);
    }

    @Test
    void aPngLogoIsStoredAndServed() {
        byte[] png = java.util.Base64.getDecoder()
                .decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        assertThat(mvc.post()
                        .uri("/admin/portal/artland/logo")
                        .multipart()
                        .file(new MockMultipartFile("logo", "wappen.png", "image/png", png))
                        .with(user(users.loadUserByUsername("admin")))
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/artland/logo")).hasStatusOk().hasContentType("image/png");
        assertThat(mvc.get().uri("/artland/")).bodyText().contains("src=\"/artland/logo\"");
    }

    @Test
    void onlyAdministratorsMayChangeTheBranding() {
        assertThat(mvc.post()
                        .uri("/admin/portal/artland")
                        .with(user(users.loadUserByUsername("editor")))
                        .with(csrf())
                        .param("primaryColour", "#000000"))
                .hasStatus(403);
        assertThat(mvc.get().uri("/admin/portal/artland").with(user(users.loadUserByUsername("artland-backoffice"))))
                .hasStatus(403);
    }
}
