package de.buergerservice.tenancy;

import static de.buergerservice.Responses.body;
import static de.buergerservice.Responses.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.IntegrationTest;

/** The tenants API as an administrator uses it: create, read, change, delete, and every input it rejects. */
@IntegrationTest
class TenantApiTests {

    @Autowired
    MockMvcTester mvc;

    static String tenant(String slug, String ags, String phone) {
        return """
                {"slug": "%s", "name": "Gemeinde Bippen", "type": "MUNICIPALITY", "ags": "%s",
                 "federalState": "NI", "phoneNumbers": ["%s"],
                 "greeting": "Gemeinde Bippen, ServiceCenter, guten Tag",
                 "websiteUrl": "https://www.bippen.de",
                 "openingHours": {"weekly": {"MONDAY": [{"opens": "08:00", "closes": "12:00"}]},
                                  "exceptions": []}}
                """.formatted(slug, ags, phone);
    }

    MvcTestResult post(String uri, String body) {
        return mvc.post()
                .uri(uri)
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    @Nested
    class Create {

        @Test
        void givenValidTenant_thenCreatedWithLocationAndReadable() {
            MvcTestResult created = post("/api/v1/tenants", tenant("bippen", "03459015", "+4954359990"));
            assertThat(created).hasStatus(201).headers().hasValue("Location", "/api/v1/tenants/bippen");
            assertThat(mvc.get().uri("/api/v1/tenants/bippen").with(httpBasic("admin", "demo")))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.openingHours.weekly.MONDAY[0].opens")
                    .isEqualTo("08:00");
        }

        @Test
        void givenBadAgs_thenProblemNamesTheField() {
            assertThat(post("/api/v1/tenants", tenant("x1", "1234567", "+4954359991")))
                    .hasStatus(400)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("ags");
        }

        @Test
        void givenAgsOfAnotherState_thenRejected() {
            // 09… is Bavaria, the tenant says Lower Saxony
            assertThat(post("/api/v1/tenants", tenant("x2", "09162000", "+4954359992")))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .isEqualTo("Der AGS passt nicht zum gewählten Bundesland.");
        }

        @Test
        void givenPhoneNotInE164_thenProblemNamesTheNumber() {
            assertThat(post("/api/v1/tenants", tenant("x3", "03459011", "0800 12")))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("phoneNumbers[0]");
        }

        @Test
        void givenNumberOfAnotherTenant_thenRejectedWithItsName() {
            MvcTestResult result = post("/api/v1/tenants", tenant("x4", "03459012", "+4954311820"));
            assertThat(result)
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("phoneNumbers[0]");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .asString()
                    .contains("Samtgemeinde Artland");
        }

        @Test
        void givenTakenSlug_thenRejected() {
            assertThat(post("/api/v1/tenants", tenant("artland", "03459011", "+4954359993")))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("slug");
        }

        @Test
        void givenSlugOfAPageOfItsOwn_thenRejected() {
            MvcTestResult result = post("/api/v1/tenants", tenant("synonyms", "03459011", "+4954359995"));
            assertThat(result)
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("slug");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .asString()
                    .startsWith("Dieser Kurzname ist reserviert");
        }

        @Test
        void givenOverlappingHours_thenRejected() {
            String body = tenant("x5", "03459011", "+4954359994")
                    .replace(
                            "[{\"opens\": \"08:00\", \"closes\": \"12:00\"}]",
                            "[{\"opens\": \"08:00\", \"closes\": \"12:00\"}, {\"opens\": \"11:00\", \"closes\": \"13:00\"}]");
            assertThat(post("/api/v1/tenants", body))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("openingHours.weekly");
        }

        @Test
        void givenClosingBeforeOpening_thenRejected() {
            String body =
                    tenant("x6", "03459011", "+4954359995").replace("\"closes\": \"12:00\"", "\"closes\": \"07:00\"");
            assertThat(post("/api/v1/tenants", body))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("openingHours.weekly[MONDAY][0].closes");
        }

        @Test
        void givenClosing2400_thenOpenUntilMidnightAndWrittenBackAs2400() {
            String body = tenant("x24", "03459016", "+4954359981")
                    .replace(
                            "{\"opens\": \"08:00\", \"closes\": \"12:00\"}",
                            "{\"opens\": \"00:00\", \"closes\": \"24:00\"}");
            assertThat(post("/api/v1/tenants", body)).hasStatus(201);
            assertThat(mvc.get().uri("/api/v1/tenants/x24").with(httpBasic("admin", "demo")))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.openingHours.weekly.MONDAY[0].closes")
                    .isEqualTo("24:00");
            assertThat(mvc.get()
                            .uri("/api/v1/tenants/x24/opening-status?at=2026-11-23T22:59:30Z") // 23:59:30 Berlin
                            .with(httpBasic("admin", "demo")))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.open")
                    .isEqualTo(true);
        }

        @Test
        void givenClosingTimeNotAClockTime_thenProblemNamesTheField() {
            String body =
                    tenant("x25", "03459011", "+4954359982").replace("\"closes\": \"12:00\"", "\"closes\": \"24:30\"");
            assertThat(post("/api/v1/tenants", body))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("openingHours.weekly.MONDAY[0].closes");
        }

        @Test
        void givenUnknownType_thenProblemNamesTheFieldAndTheAllowedValues() {
            String body = tenant("x7", "03459011", "+4954359996").replace("\"MUNICIPALITY\"", "\"DORF\"");
            MvcTestResult result = post("/api/v1/tenants", body);
            assertThat(result)
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("type");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .asString()
                    .startsWith("Unbekannter Wert „DORF“. Erlaubt: ")
                    .contains("MUNICIPALITY");
        }

        @Test
        void givenUnknownTypeAndOtherMistakes_thenAllAreReportedTogether() {
            String body = tenant("Falscher Kurzname", "1234567", "0800 12")
                    .replace("\"MUNICIPALITY\"", "\"DORF\"")
                    .replace("\"NI\"", "\"XX\"");
            MvcTestResult result = post("/api/v1/tenants", body);
            assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            java.util.List<String> fields = read(result, "$.errors[*].field");
            assertThat(fields).contains("type", "federalState", "slug", "ags", "phoneNumbers[0]");
            java.util.List<String> onType = read(result, "$.errors[?(@.field == 'type')].message");
            assertThat(onType).singleElement().asString().contains("COLLECTIVE_MUNICIPALITY");
            java.util.List<String> onState = read(result, "$.errors[?(@.field == 'federalState')].message");
            assertThat(onState)
                    .singleElement()
                    .asString()
                    .startsWith("Unbekannter Wert „XX“")
                    .contains("NI");
        }

        @Test
        void givenSecondTenantWithArtlandsAgs_thenRefusedAtTheField() {
            MvcTestResult result = post("/api/v1/tenants", tenant("artland-zwei", "03459029", "+4954359983"));
            assertThat(result)
                    .hasStatus(400)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("ags");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .isEqualTo("Den AGS 03459029 hat bereits „Samtgemeinde Artland“.");
            assertThat(mvc.get().uri("/api/v1/tenants/artland-zwei").with(httpBasic("admin", "demo")))
                    .hasStatus(404);
        }

        @Test
        void givenGermanNotations_thenStoredInE164() {
            String body = tenant("x10", "03459013", "+49 5435 99 70")
                    .replace("\"+49 5435 99 70\"]", "\"+49 5435 99 70\", \"05439 962-0\", \"0049 (5435) 9971\"]");
            MvcTestResult created = post("/api/v1/tenants", body);
            assertThat(created).hasStatus(201);
            assertThat(created)
                    .bodyJson()
                    .extractingPath("$.phoneNumbers")
                    .asArray()
                    .containsExactly("+4954359970", "+4954399620", "+4954359971");
        }

        @Test
        void givenOneWrongLineAmongSeveral_thenTheProblemNamesThatLine() {
            String body = tenant("x11", "03459014", "+49 5435 99 72")
                    .replace("\"+49 5435 99 72\"]", "\"+49 5435 99 72\", \"0800 12\", \"05439 962-1\"]");
            MvcTestResult result = post("/api/v1/tenants", body);
            assertThat(result)
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("phoneNumbers[1]");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .asString()
                    .startsWith("„0800 12“ ist keine gültige Rufnummer.");
            assertThat(result).bodyJson().extractingPath("$.errors").asArray().hasSize(1);
        }

        @Test
        void givenBrokenJson_thenProblem() {
            assertThat(post("/api/v1/tenants", "{\"slug\": "))
                    .hasStatus(400)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson()
                    .extractingPath("$.title")
                    .isEqualTo("Ungültige Anfrage");
        }

        @Test
        void givenEnglishClient_thenMessagesInEnglish() {
            assertThat(mvc.post()
                            .uri("/api/v1/tenants")
                            .with(httpBasic("admin", "demo"))
                            .header("Accept-Language", "en")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(tenant("x8", "1234567", "+4954359997")))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .asString()
                    .startsWith("The AGS has 8 digits");
        }

        @Test
        void givenAgent_thenForbidden() {
            assertThat(mvc.post()
                            .uri("/api/v1/tenants")
                            .with(httpBasic("agent1", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(tenant("x9", "03459011", "+4954359998")))
                    .hasStatus(403)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }

        @Test
        void givenAgentWithInvalidBody_thenForbiddenBeforeTheBodyIsValidated() {
            for (String body : new String[] {"{}", tenant("x9", "1", "kaputt"), "{\"type\": \"DORF\"}"}) {
                assertThat(mvc.post()
                                .uri("/api/v1/tenants")
                                .with(httpBasic("agent1", "demo"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .hasStatus(403);
            }
            assertThat(mvc.put()
                            .uri("/api/v1/tenants/artland")
                            .with(httpBasic("artland-management", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{}"))
                    .hasStatus(403);
            assertThat(mvc.post()
                            .uri("/api/v1/agreements")
                            .with(httpBasic("agent2", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{}"))
                    .hasStatus(403);
        }
    }

    @Nested
    class ChangeAndDelete {

        @Test
        void givenTenantWithAgreement_thenDeleteIsRefusedAndNothingIsLost() {
            assertThat(mvc.delete().uri("/api/v1/tenants/artland").with(httpBasic("admin", "demo")))
                    .hasStatus(409)
                    .bodyJson()
                    .extractingPath("$.detail")
                    .asString()
                    .contains("Vereinbarung");
            assertThat(mvc.get().uri("/api/v1/tenants/artland/departments").with(httpBasic("admin", "demo")))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.length()")
                    .isEqualTo(3);
        }

        @Test
        void givenInvalidUpdate_thenStoredTenantUnchanged() {
            String before = body(mvc.get()
                    .uri("/api/v1/tenants/oldenburg")
                    .with(httpBasic("admin", "demo"))
                    .exchange());
            assertThat(mvc.put()
                            .uri("/api/v1/tenants/oldenburg")
                            .with(httpBasic("admin", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(tenant("oldenburg", "0340300X", "+494412350")))
                    .hasStatus(400);
            assertThat(mvc.get().uri("/api/v1/tenants/oldenburg").with(httpBasic("admin", "demo")))
                    .hasStatusOk()
                    .hasBodyTextEqualTo(before);
        }

        @Test
        void givenNewDepartment_thenListedAndDeletable() {
            MvcTestResult created = post("/api/v1/tenants/oldenburg/departments", """
                    {"name": "Fachdienst Steuern", "email": "steuern@oldenburg.example", "phoneExtension": "2600",
                     "topics": ["Hundesteuer", "Grundsteuer"]}""");
            assertThat(created).hasStatus(201);
            String id = read(created, "$.id");
            assertThat(mvc.delete()
                            .uri("/api/v1/tenants/oldenburg/departments/" + id)
                            .with(httpBasic("admin", "demo")))
                    .hasStatus(204);
        }

        @Test
        void givenDuplicateDepartmentName_thenRejected() {
            assertThat(post("/api/v1/tenants/artland/departments", "{\"name\": \"bauamt\"}"))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("name");
        }

        @Test
        void givenBadPhoneExtension_thenRejected() {
            assertThat(post(
                            "/api/v1/tenants/artland/departments",
                            "{\"name\": \"Kasse\", \"phoneExtension\": \"12a\"}"))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("phoneExtension");
        }
    }

    @Nested
    class OpeningStatus {

        @Test
        void givenChristmasDay_thenClosedForPublicHoliday() {
            assertThat(mvc.get()
                            .uri("/api/v1/tenants/artland/opening-status?at=2026-12-25T09:00:00Z")
                            .with(httpBasic("agent1", "demo")))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.reason")
                    .isEqualTo("PUBLIC_HOLIDAY");
        }

        @Test
        void givenYearFarOutside_thenGermanProblemNamesTheYear() {
            MvcTestResult result = mvc.get()
                    .uri("/api/v1/tenants/artland/public-holidays?year=99999")
                    .with(httpBasic("agent1", "demo"))
                    .exchange();
            assertThat(result)
                    .hasStatus(400)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("year");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .isEqualTo("Bitte ein Jahr zwischen 1900 und 2200 angeben.");
            assertThat(mvc.get()
                            .uri("/api/v1/tenants/artland/public-holidays?year=2200")
                            .with(httpBasic("agent1", "demo")))
                    .hasStatusOk();
        }

        @Test
        void givenBadInstant_thenProblemNamesTheParameter() {
            assertThat(mvc.get()
                            .uri("/api/v1/tenants/artland/opening-status?at=gestern")
                            .with(httpBasic("agent1", "demo")))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("at");
        }
    }
}
