package de.buergerservice.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.LocalDate;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.IntegrationTest;
import de.buergerservice.Responses;
import de.buergerservice.tenancy.AgreementInfo;

/**
 * The report API on the golden morning (moved to 10 February 2026, Artland: 80 % in 20 s, ASA ≤ 20 s, FCR ≥ 65 %,
 * 1.85 EUR per contact): the interim report's PDF text (read with PDFBox) holds the headline sentence and the
 * targets, the CSV the same numbers, billing exact amounts; and every rejection.
 */
@IntegrationTest
class ReportApiTests extends ReportingFixture {

    static final LocalDate DAY = LocalDate.of(2026, 2, 10);

    @Override
    String tenantSlug() {
        return "artland";
    }

    @Override
    String user() {
        return "artland-management";
    }

    @Override
    String password() {
        return "demo";
    }

    String agreementId;

    void goldenFebruary() throws Exception {
        AgreementInfo agreement = agreement();
        agreementId = agreement.id().toString();
        Integer already = jdbc.queryForObject(
                "select count(*) from reporting_interval where tenant_id = ? and interval_start >= ? and interval_start < ?",
                Integer.class,
                agreement.clientTenantId(),
                java.sql.Timestamp.from(Granularity.startOfDay(DAY)),
                java.sql.Timestamp.from(Granularity.startOfDay(DAY.plusDays(1))));
        if (already == 0) {
            writeGoldenMorning(agreement.clientTenantId(), DAY);
            documentContacts(agreement.clientTenantId(), DAY);
        }
    }

    MvcTestResult get(String uri, String accept) {
        var request = mvc.get()
                .uri(uri)
                .with(uri.startsWith("/api/") ? httpBasic("artland-management", "demo") : as("artland-management"));
        if (accept != null) {
            request = request.header("Accept", accept);
        }
        return request.exchange();
    }

    @Test
    void interimReportPdfHoldsTheHeadlineSentenceTheTargetsAndTheMonths() throws Exception {
        goldenFebruary();
        MvcTestResult result = get(
                "/api/v1/reports/interim-report?agreement=" + agreementId + "&from=2026-01-01&to=2026-02-28",
                "application/pdf");
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
        byte[] pdf = result.getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getPage(0).getMediaBox().getWidth())
                    .isEqualTo(595.27563f, org.assertj.core.data.Offset.offset(0.1f));
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            // ASA 16.5 s → 17, FCR 2 ÷ 3 → 67 %, contractual service level 1 ÷ 4 → 25 %
            assertThat(text)
                    .contains("Die durchschnittliche Wartezeit lag bei 17 Sekunden, die Erstlösungsquote bei 67"
                            + " Prozent, der Service-Level bei 25 Prozent.");
            assertThat(text).contains("Zwischenbilanz", "Samtgemeinde Artland");
            // the agreement's targets, measured and judged
            assertThat(text).contains("80 % in 20 s", "25.0 %", "verfehlt");
            assertThat(text).contains("höchstens 20 s", "16.5 s", "erreicht");
            assertThat(text).contains("mindestens 65 %", "66.7 %");
            assertThat(text).contains("2026-01", "2026-02", "gesamt");
        }
    }

    @Test
    void interimReportCsvHasTheSameNumbers() throws Exception {
        goldenFebruary();
        MvcTestResult result = get(
                "/api/v1/reports/interim-report?agreement=" + agreementId + "&from=2026-02-01&to=2026-02-28",
                "text/csv");
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).startsWith("text/csv");
        String csv = Responses.body(result);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("zeitraum;angeboten;angenommen;aufgelegt");
        assertThat(csv)
                .contains(
                        "2026-02;4;2;2;1;1;1;2;16.500;40.000;0.500000;0.500000;0.250000;0.500000;0.333333;20;0.666667;120.000");
    }

    @Test
    void billingIsHandledContactsTimesThePriceExactly() throws Exception {
        goldenFebruary();
        MvcTestResult json = get("/api/v1/reports/billing?agreement=" + agreementId + "&month=2026-02", null);
        assertThat(json.getResponse().getStatus()).isEqualTo(200);
        // 2 handled calls × 1.85 EUR
        assertThat(Responses.body(json))
                .contains("\"channel\":\"PHONE\",\"contacts\":2,\"pricePerContact\":1.85,\"amount\":3.70")
                .contains("\"total\":3.70");
        MvcTestResult csv = get("/api/v1/reports/billing?agreement=" + agreementId + "&month=2026-02", "text/csv");
        assertThat(Responses.body(csv)).contains("2026-02;Samtgemeinde Artland;PHONE;2;1.85;3.70");
        MvcTestResult pdf =
                get("/api/v1/reports/billing?agreement=" + agreementId + "&month=2026-02", "application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Abrechnung 2026-02", "Telefon", "1,85 EUR", "3,70 EUR");
        }
        // a month before the agreement began bills nothing
        MvcTestResult before = get("/api/v1/reports/billing?agreement=" + agreementId + "&month=2009-01", null);
        assertThat(Responses.body(before)).contains("\"lines\":[]", "\"total\":0.00");
    }

    @Test
    void rejectionsAreProblemsWithTheFieldNamed() {
        String kpis = "/api/v1/reports/kpis?agreement=";
        MvcTestResult reversed = get(kpis + agreement().id() + "&from=2026-02-10&to=2026-02-01", null);
        assertThat(reversed.getResponse().getStatus()).isEqualTo(400);
        assertThat(Responses.body(reversed)).contains("to", "Das Ende des Zeitraums liegt vor seinem Anfang.");
        MvcTestResult tooLong = get(kpis + agreement().id() + "&from=2024-01-01&to=2026-01-01", null);
        assertThat(tooLong.getResponse().getStatus()).isEqualTo(400);
        assertThat(Responses.body(tooLong)).contains("höchstens 400 Tage");
        MvcTestResult interval = get(kpis + agreement().id() + "&from=2026-02-01&to=2026-02-02&interval=year", null);
        assertThat(interval.getResponse().getStatus()).isEqualTo(400);
        assertThat(Responses.body(interval)).contains("interval");
        MvcTestResult date = get(kpis + agreement().id() + "&from=1.2.2026&to=2026-02-02", null);
        assertThat(date.getResponse().getStatus()).isEqualTo(400);
        assertThat(Responses.body(date)).contains("JJJJ-MM-TT");
        MvcTestResult id = get(kpis + "nicht-uuid&from=2026-02-01&to=2026-02-02", null);
        assertThat(id.getResponse().getStatus()).isEqualTo(400);
        MvcTestResult missing = get("/api/v1/reports/kpis?from=2026-02-01&to=2026-02-02", null);
        assertThat(missing.getResponse().getStatus()).isEqualTo(400);
        MvcTestResult month =
                get("/api/v1/reports/billing?agreement=" + agreement().id() + "&month=2026-13", null);
        assertThat(month.getResponse().getStatus()).isEqualTo(400);
        assertThat(Responses.body(month)).contains("JJJJ-MM");
        MvcTestResult unknown = get(kpis + UUID.randomUUID() + "&from=2026-02-01&to=2026-02-02", null);
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        MvcTestResult format = get(
                "/api/v1/reports/interim-report?agreement=" + agreement().id() + "&from=2026-02-01&to=2026-02-02",
                "image/png");
        assertThat(format.getResponse().getStatus()).isEqualTo(400);
        // back office and agents may not read reports at all
        MvcTestResult backOffice = mvc.get()
                .uri(kpis + agreement().id() + "&from=2026-02-01&to=2026-02-02")
                .with(httpBasic("artland-backoffice", "demo"))
                .exchange();
        assertThat(backOffice.getResponse().getStatus()).isEqualTo(403);
        MvcTestResult agent = mvc.get()
                .uri(kpis + agreement().id() + "&from=2026-02-01&to=2026-02-02")
                .with(httpBasic("agent1", "demo"))
                .exchange();
        assertThat(agent.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void reportPageShowsTheHeadlineTargetsAndChartsOnlyOfTheOwnMunicipality() throws Exception {
        goldenFebruary();
        MvcTestResult page = get("/reports?agreement=" + agreementId + "&from=2026-02-01&to=2026-02-28", null);
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(Responses.body(page))
                .contains("Die durchschnittliche Wartezeit lag bei 17 Sekunden")
                .contains("80 % in 20 s", "verfehlt", "erreicht")
                .contains("/reports/charts/service-level.png", "/reports/charts/arrivals.png")
                .doesNotContain("Stadt Oldenburg");
        MvcTestResult chart =
                get("/reports/charts/waits.png?agreement=" + agreementId + "&from=2026-02-01&to=2026-02-28", null);
        assertThat(chart.getResponse().getStatus()).isEqualTo(200);
        assertThat(chart.getResponse().getContentType()).isEqualTo("image/png");
        MvcTestResult reversed = get("/reports?agreement=" + agreementId + "&from=2026-02-10&to=2026-02-01", null);
        assertThat(Responses.body(reversed)).contains("Das Ende des Zeitraums liegt vor seinem Anfang.");
        String oldenburg = tenants.agreementsFor(
                        tenants.findBySlug("oldenburg").orElseThrow().id())
                .get(0)
                .id()
                .toString();
        MvcTestResult foreign = get("/reports?agreement=" + oldenburg + "&from=2026-02-01&to=2026-02-28", null);
        assertThat(foreign.getResponse().getStatus()).isEqualTo(404);
        MvcTestResult foreignChart =
                get("/reports/charts/waits.png?agreement=" + oldenburg + "&from=2026-02-01&to=2026-02-28", null);
        assertThat(foreignChart.getResponse().getStatus()).isEqualTo(404);
    }
}
