package de.buergerservice.reporting.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.buergerservice.reporting.Granularity;
import de.buergerservice.reporting.KpiFigures;
import de.buergerservice.reporting.internal.KpiReport;
import de.buergerservice.reporting.internal.ReportData;
import de.buergerservice.reporting.internal.ReportDocuments;
import de.buergerservice.reporting.internal.ReportingService;
import de.buergerservice.shared.web.InvalidFieldException;

/**
 * REST API of the reports: {@code /api/v1/reports/kpis}, {@code /interim-report}, {@code /billing}. Administrators,
 * supervisors and management users; management sees only its municipality's agreements (404 otherwise).
 */
@RestController
@RequestMapping("/api/v1/reports")
@PreAuthorize(ReportApiController.READERS)
class ReportApiController {

    static final String READERS = "hasAnyRole('ADMIN', 'SUPERVISOR', 'MANAGEMENT')";

    private final ReportingService reports;

    ReportApiController(ReportingService reports) {
        this.reports = reports;
    }

    @GetMapping("/kpis")
    Map<String, Object> kpis(
            @RequestParam String agreement,
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(defaultValue = "day") String interval) {
        UUID id = agreementId(agreement);
        KpiReport report = reports.kpis(id, date("from", from), date("to", to), granularity(interval));
        return json(report);
    }

    static Map<String, Object> json(KpiReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agreement", report.agreementId());
        body.put("from", report.from().toString());
        body.put("to", report.to().toString());
        body.put("interval", report.interval().name().toLowerCase(Locale.ROOT));
        body.put("timeZone", Granularity.ZONE.getId());
        body.put("shortAbandonSeconds", report.shortAbandonSeconds());
        body.put(
                "intervals",
                report.intervals().stream()
                        .map(i -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("start", i.start().toString());
                            m.put("label", i.label());
                            m.putAll(figures(i.figures()));
                            return m;
                        })
                        .toList());
        body.put("total", figures(report.total()));
        return body;
    }

    static Map<String, Object> figures(KpiFigures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("offered", f.offered());
        m.put("answered", f.answered());
        m.put("abandoned", f.abandoned());
        m.put("shortAbandoned", f.shortAbandoned());
        m.put("transferred", f.transferred());
        m.put("rejectedClosed", f.rejectedClosed());
        m.put("handled", f.handled());
        m.put("averageSpeedOfAnswerSeconds", f.averageSpeedOfAnswerSeconds());
        m.put("longestWaitSeconds", f.longestWaitSeconds());
        m.put("averageAbandonWaitSeconds", f.averageAbandonWaitSeconds());
        m.put("abandonmentRate", f.abandonmentRate());
        m.put(
                "serviceLevel",
                f.serviceLevel().stream()
                        .map(l -> {
                            Map<String, Object> s = new LinkedHashMap<>();
                            s.put("variant", l.variant().name());
                            s.put("thresholdSeconds", l.thresholdSeconds());
                            s.put("value", l.value());
                            return s;
                        })
                        .toList());
        m.put("firstContactResolutionRate", f.firstContactResolutionRate());
        m.put("documentedContacts", f.documentedContacts());
        m.put("averageHandleTimeSeconds", f.averageHandleTimeSeconds());
        if (f.occupancy() != null || f.contactsPerAgentHour() != null) {
            m.put("occupancy", f.occupancy());
            m.put("contactsPerAgentHour", f.contactsPerAgentHour());
        }
        return m;
    }

    /**
     * Per agent: occupancy and contacts per logged-in agent hour for the ServiceCenter (all agents, their whole time),
     * only the contacts of the agreement's municipality per agent for a municipality's user.
     */
    @GetMapping("/agents")
    Map<String, Object> agents(@RequestParam String agreement, @RequestParam String from, @RequestParam String to) {
        ReportingService.AgentReport report =
                reports.agents(agreementId(agreement), date("from", from), date("to", to));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agreement", report.agreementId());
        body.put("from", report.from().toString());
        body.put("to", report.to().toString());
        body.put("timeZone", Granularity.ZONE.getId());
        body.put("scope", report.serviceCenterView() ? "serviceCenter" : "municipality");
        body.put(
                "agents",
                report.agents().stream()
                        .map(a -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("agentId", a.agentId());
                            m.put("name", a.name());
                            m.put("contactsOfMunicipality", a.contactsOfMunicipality());
                            if (report.serviceCenterView()) {
                                m.put("contacts", a.contacts());
                                m.put("loggedInHours", a.loggedInHours());
                                m.put("occupancy", a.occupancy());
                                m.put("contactsPerAgentHour", a.contactsPerAgentHour());
                            }
                            return m;
                        })
                        .toList());
        return body;
    }

    /**
     * The interim report of the period as PDF ({@code Accept: application/pdf}, the default) or CSV
     * ({@code text/csv}).
     */
    @GetMapping("/interim-report")
    ResponseEntity<byte[]> interimReport(
            @RequestParam String agreement,
            @RequestParam String from,
            @RequestParam String to,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportData data = reports.report(agreementId(agreement), date("from", from), date("to", to));
        String name =
                "zwischenbilanz-" + data.months().from() + "-" + data.months().to();
        if (wants(accept, "text/csv")) {
            return file(ReportDocuments.interimCsv(data).getBytes(StandardCharsets.UTF_8), CSV, name + ".csv");
        }
        if (accept == null || wants(accept, "application/pdf") || wants(accept, "*/*")) {
            return file(ReportDocuments.interimPdf(data), MediaType.APPLICATION_PDF, name + ".pdf");
        }
        throw new InvalidFieldException("format", "validation.reporting.format");
    }

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    static boolean wants(String accept, String type) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(type);
    }

    static ResponseEntity<byte[]> file(byte[] content, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(filename).build().toString())
                .body(content);
    }

    /** The month's invoice lines as JSON (default), CSV ({@code text/csv}) or PDF ({@code application/pdf}). */
    @GetMapping("/billing")
    ResponseEntity<?> billing(
            @RequestParam String agreement,
            @RequestParam String month,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportingService.Billing billing = reports.billing(agreementId(agreement), month(month));
        String name = "abrechnung-" + billing.month();
        if (wants(accept, "text/csv")) {
            return file(ReportDocuments.billingCsv(billing).getBytes(StandardCharsets.UTF_8), CSV, name + ".csv");
        }
        if (wants(accept, "application/pdf")) {
            return file(ReportDocuments.billingPdf(billing), MediaType.APPLICATION_PDF, name + ".pdf");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agreement", billing.agreementId());
        body.put("month", billing.month().toString());
        body.put("municipality", billing.tenantName());
        List<Map<String, Object>> lines = billing.lines().stream()
                .map(l -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("channel", l.channel());
                    m.put("contacts", l.contacts());
                    m.put("pricePerContact", l.pricePerContact());
                    m.put("amount", l.amount());
                    return m;
                })
                .toList();
        body.put("lines", lines);
        body.put("contacts", billing.contacts());
        body.put("total", billing.total());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    static UUID agreementId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("agreement", "validation.reporting.agreement");
        }
    }

    static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "validation.reporting.date");
        }
    }

    static YearMonth month(String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("month", "validation.reporting.month");
        }
    }

    static Granularity granularity(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "quarter-hour", "15min" -> Granularity.QUARTER_HOUR;
            case "hour" -> Granularity.HOUR;
            case "day" -> Granularity.DAY;
            case "week" -> Granularity.WEEK;
            case "month" -> Granularity.MONTH;
            default -> throw new InvalidFieldException("interval", "validation.reporting.interval");
        };
    }
}
