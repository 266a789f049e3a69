package de.buergerservice.reporting.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import de.buergerservice.reporting.internal.Charts;
import de.buergerservice.reporting.internal.ReportData;
import de.buergerservice.reporting.internal.ReportingService;
import de.buergerservice.shared.web.ResourceNotFoundException;

/**
 * The report page {@code /reports}: per agreement and period the headline sentence, the targets as traffic
 * lights, the monthly figures and the charts (service level and ASA per day, arrivals per quarter hour, wait-time
 * distribution), with links to the interim report's PDF and CSV.
 */
@Controller
@PreAuthorize(ReportApiController.READERS)
class ReportPageController {

    private final ReportingService reports;

    ReportPageController(ReportingService reports) {
        this.reports = reports;
    }

    @GetMapping("/reports")
    String page(
            @RequestParam(required = false) UUID agreement,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            Model model) {
        List<ReportingService.AgreementChoice> choices = reports.agreements();
        model.addAttribute("choices", choices);
        LocalDate end = to == null ? LocalDate.now(de.buergerservice.reporting.Granularity.ZONE) : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        UUID selected = agreement != null
                ? agreement
                : choices.isEmpty() ? null : choices.get(0).agreement().id();
        model.addAttribute("selected", selected);
        if (selected != null) {
            if (end.isBefore(start)) {
                model.addAttribute("periodError", "validation.reporting.periodReversed");
            } else if (java.time.temporal.ChronoUnit.DAYS.between(start, end) >= 400) {
                model.addAttribute("periodError", "validation.reporting.periodTooLong");
            } else {
                model.addAttribute("report", reports.report(selected, start, end));
                model.addAttribute("agents", reports.agents(selected, start, end));
            }
        }
        return "reporting/report";
    }

    /** The interim report's CSV for a browser link (which cannot choose the Accept header). */
    @GetMapping("/reports/interim.csv")
    ResponseEntity<byte[]> csv(@RequestParam UUID agreement, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        ReportData data = reports.report(agreement, from, to);
        return ReportApiController.file(
                de.buergerservice.reporting.internal.ReportDocuments.interimCsv(data)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                ReportApiController.CSV,
                "zwischenbilanz-" + data.months().from() + "-" + data.months().to() + ".csv");
    }

    @GetMapping("/reports/charts/{kind}.png")
    ResponseEntity<byte[]> chart(
            @PathVariable String kind,
            @RequestParam UUID agreement,
            @RequestParam LocalDate from,
            @RequestParam LocalDate to) {
        ReportData data = reports.report(agreement, from, to);
        byte[] png =
                switch (kind) {
                    case "service-level" -> Charts.png(Charts.serviceLevelPerDay(data));
                    case "arrivals" -> Charts.png(Charts.arrivals(data));
                    case "waits" -> Charts.png(Charts.waits(data));
                    default -> throw new ResourceNotFoundException("chart");
                };
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noCache())
                .body(png);
    }
}
