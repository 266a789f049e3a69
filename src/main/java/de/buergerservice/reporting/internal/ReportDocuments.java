package de.buergerservice.reporting.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import de.buergerservice.reporting.KpiFigures;
import de.buergerservice.reporting.ServiceLevelVariant;

/**
 * The interim report (Zwischenbilanz) and invoices as PDF (A4, German, PDFBox) and CSV (semicolon-separated,
 * decimal point, UTF-8): the same numbers in both.
 */
public final class ReportDocuments {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private ReportDocuments() {}

    // --- interim report ----------------------------------------------------------------------------------------

    /** Draws a small document with a chart: sets up fonts, AWT and JFreeChart once (see {@link ReportWarmUp}). */
    static void warmUp() {
        try (PDDocument doc = new PDDocument()) {
            Writer w = new Writer(doc);
            w.title("Zwischenbilanz");
            w.paragraph("Die durchschnittliche Wartezeit lag bei 8 Sekunden.", 13, true);
            org.jfree.data.category.DefaultCategoryDataset set = new org.jfree.data.category.DefaultCategoryDataset();
            set.addValue(1, "Anrufe", "<= 10 s");
            w.image(org.jfree.chart.ChartFactory.createBarChart(
                            "Verteilung der Wartezeit",
                            "Wartezeit",
                            "Anrufe",
                            set,
                            org.jfree.chart.plot.PlotOrientation.VERTICAL,
                            false,
                            false,
                            false)
                    .createBufferedImage(200, 100));
            w.close();
            doc.save(new ByteArrayOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] interimPdf(ReportData data) {
        try (PDDocument doc = new PDDocument()) {
            Writer w = new Writer(doc);
            w.title("Zwischenbilanz der Kooperation");
            w.line("Kommune: " + data.tenantName(), 11, false);
            w.line(
                    "Zeitraum: " + DATE.format(data.months().from()) + " bis "
                            + DATE.format(data.months().to())
                            + (data.agreement().trialPhaseEnd() != null
                                    ? " (Probephase bis "
                                            + DATE.format(data.agreement().trialPhaseEnd()) + ")"
                                    : ""),
                    11,
                    false);
            w.gap(8);
            w.paragraph(data.headline(), 13, true);
            w.gap(8);
            w.line("Ziele der Vereinbarung", 13, true);
            w.table(
                    new float[] {250, 110, 80, 70},
                    List.of("Kennzahl", "vereinbart", "gemessen", "Ergebnis"),
                    data.targets().stream()
                            .map(t -> List.of(t.name(), t.agreed(), t.measured(), status(t.status())))
                            .toList());
            w.gap(8);
            w.line("Kennzahlen je Monat", 13, true);
            List<List<String>> rows = new ArrayList<>();
            for (KpiReport.Interval month : data.months().intervals()) {
                rows.add(monthRow(month.label(), month.figures()));
            }
            rows.add(monthRow("gesamt", data.total()));
            w.table(
                    new float[] {55, 55, 60, 55, 50, 60, 60, 55, 55},
                    List.of(
                            "Monat",
                            "angeboten",
                            "angenommen",
                            "aufgelegt",
                            "ASA s",
                            "SL angeb.",
                            "SL angen.",
                            "FCR",
                            "AHT s"),
                    rows);
            w.gap(6);
            w.paragraph(
                    "Service-Level mit Schwelle " + data.months().serviceLevelThresholdSeconds()
                            + " s. SL angeb. = " + ServiceLevelVariant.ANSWERED_WITHIN_OF_OFFERED.formula()
                            + " (vertraglich); SL angen. = "
                            + ServiceLevelVariant.ANSWERED_WITHIN_OF_ANSWERED.formula()
                            + ". FCR = Erstlösungsquote, AHT = durchschnittliche Bearbeitungszeit"
                            + " (Gespräch + Nachbearbeitung). Formeln: docs/kpis.md.",
                    8,
                    false);
            w.gap(6);
            w.line("Service-Level-Varianten im gesamten Zeitraum", 11, true);
            w.table(
                    new float[] {360, 100},
                    List.of("Variante", "Wert"),
                    data.total().serviceLevel().stream()
                            .map(l -> List.of(l.variant().formula(), pct(l.value())))
                            .toList());
            w.image(Charts.serviceLevelPerDay(data));
            w.image(Charts.arrivals(data));
            w.image(Charts.waits(data));
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> monthRow(String label, KpiFigures f) {
        return List.of(
                label,
                Long.toString(f.offered()),
                Long.toString(f.answered()),
                Long.toString(f.abandoned()),
                dec(f.averageSpeedOfAnswerSeconds(), 1),
                pct(f.serviceLevel(ServiceLevelVariant.ANSWERED_WITHIN_OF_OFFERED)),
                pct(f.serviceLevel(ServiceLevelVariant.ANSWERED_WITHIN_OF_ANSWERED)),
                pct(f.firstContactResolutionRate()),
                dec(f.averageHandleTimeSeconds(), 0));
    }

    static String status(ReportData.Status status) {
        return switch (status) {
            case MET -> "erreicht";
            case MISSED -> "verfehlt";
            case NO_DATA -> "keine Daten";
        };
    }

    static String pct(BigDecimal fraction) {
        return fraction == null ? "–" : KpiFigures.percent(fraction, 1).toPlainString() + " %";
    }

    static String dec(BigDecimal value, int scale) {
        return value == null
                ? "–"
                : value.setScale(scale, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    public static String interimCsv(ReportData data) {
        StringWriter out = new StringWriter();
        List<String> header = new ArrayList<>(List.of(
                "zeitraum",
                "angeboten",
                "angenommen",
                "aufgelegt",
                "kurzaufleger",
                "weitergeleitet",
                "abgewiesen_geschlossen",
                "bearbeitet",
                "asa_sekunden",
                "laengste_wartezeit_sekunden",
                "abbruchquote"));
        for (ServiceLevelVariant v : ServiceLevelVariant.values()) {
            header.add("sl_" + v.name().toLowerCase(java.util.Locale.ROOT));
        }
        header.addAll(List.of("sl_schwelle_sekunden", "erstloesungsquote", "aht_sekunden"));
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            csv.printRecord(header);
            for (KpiReport.Interval month : data.months().intervals()) {
                csv.printRecord(
                        csvRow(month.label(), month.figures(), data.months().serviceLevelThresholdSeconds()));
            }
            csv.printRecord(csvRow("gesamt", data.total(), data.months().serviceLevelThresholdSeconds()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static List<String> csvRow(String label, KpiFigures f, int threshold) {
        List<String> row = new ArrayList<>(List.of(
                label,
                Long.toString(f.offered()),
                Long.toString(f.answered()),
                Long.toString(f.abandoned()),
                Long.toString(f.shortAbandoned()),
                Long.toString(f.transferred()),
                Long.toString(f.rejectedClosed()),
                Long.toString(f.handled()),
                plain(f.averageSpeedOfAnswerSeconds()),
                plain(f.longestWaitSeconds()),
                plain(f.abandonmentRate())));
        for (ServiceLevelVariant v : ServiceLevelVariant.values()) {
            row.add(plain(f.serviceLevel(v)));
        }
        row.add(Integer.toString(threshold));
        row.add(plain(f.firstContactResolutionRate()));
        row.add(plain(f.averageHandleTimeSeconds()));
        return row;
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    // --- billing -------------------------------------------------------------------------------------------------

    public static String billingCsv(ReportingService.Billing billing) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            csv.printRecord("monat", "kommune", "kanal", "kontakte", "preis_je_kontakt", "betrag");
            for (ReportingService.InvoiceLine line : billing.lines()) {
                csv.printRecord(
                        billing.month(),
                        billing.tenantName(),
                        line.channel(),
                        line.contacts(),
                        line.pricePerContact().toPlainString(),
                        line.amount().toPlainString());
            }
            csv.printRecord(
                    billing.month(),
                    billing.tenantName(),
                    "gesamt",
                    billing.contacts(),
                    "",
                    billing.total().toPlainString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static byte[] billingPdf(ReportingService.Billing billing) {
        try (PDDocument doc = new PDDocument()) {
            Writer w = new Writer(doc);
            w.title("Abrechnung " + billing.month());
            w.line("Kommune: " + billing.tenantName(), 11, false);
            w.line("Vereinbarung: " + billing.agreementId(), 9, false);
            w.gap(8);
            List<List<String>> rows = new ArrayList<>();
            for (ReportingService.InvoiceLine line : billing.lines()) {
                rows.add(List.of(
                        channel(line.channel()),
                        Long.toString(line.contacts()),
                        euro(line.pricePerContact()),
                        euro(line.amount())));
            }
            rows.add(List.of("Summe", Long.toString(billing.contacts()), "", euro(billing.total())));
            w.table(new float[] {200, 90, 110, 110}, List.of("Kanal", "Kontakte", "Preis je Kontakt", "Betrag"), rows);
            w.gap(6);
            w.paragraph(
                    "Telefon: angenommene und abgeschlossene Anrufe; Web und E-Mail: dokumentierte Kontakte des"
                            + " Kanals. Beträge exakt (Kontakte × Preis).",
                    8,
                    false);
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String channel(String channel) {
        return switch (channel) {
            case "PHONE" -> "Telefon";
            case "WEB" -> "Web";
            case "EMAIL" -> "E-Mail";
            default -> channel;
        };
    }

    static String euro(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP)
                        .toPlainString()
                        .replace('.', ',') + " EUR";
    }

    /** A simple top-to-bottom page writer on A4 with Helvetica (WinAnsi: German umlauts, no ≤ or −). */
    static final class Writer {

        static final float MARGIN = 50;
        final PDDocument doc;
        final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        PDPageContentStream out;
        float y;

        Writer(PDDocument doc) throws IOException {
            this.doc = doc;
            newPage();
        }

        void newPage() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void need(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void title(String text) throws IOException {
            line(text, 18, true);
            gap(6);
        }

        void gap(float points) {
            y -= points;
        }

        void line(String text, float size, boolean strong) throws IOException {
            need(size + 4);
            y -= size + 4;
            text(MARGIN, y, text, size, strong);
        }

        void paragraph(String text, float size, boolean strong) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            PDType1Font font = strong ? bold : regular;
            StringBuilder current = new StringBuilder();
            for (String word : safe(text).split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > width && !current.isEmpty()) {
                    line(current.toString(), size, strong);
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            if (!current.isEmpty()) {
                line(current.toString(), size, strong);
            }
        }

        void table(float[] widths, List<String> header, List<List<String>> rows) throws IOException {
            row(widths, header, true);
            for (List<String> r : rows) {
                row(widths, r, false);
            }
        }

        void row(float[] widths, List<String> cells, boolean strong) throws IOException {
            float size = 8.5f;
            need(size + 6);
            y -= size + 6;
            float x = MARGIN;
            for (int i = 0; i < cells.size(); i++) {
                text(x, y, cells.get(i), size, strong);
                x += widths[i];
            }
            out.setLineWidth(0.3f);
            out.moveTo(MARGIN, y - 2);
            out.lineTo(x, y - 2);
            out.stroke();
        }

        void image(BufferedImage image) throws IOException {
            PDImageXObject x = LosslessFactory.createFromImage(doc, image);
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            float height = width * image.getHeight() / image.getWidth();
            need(height + 10);
            y -= height + 10;
            out.drawImage(x, MARGIN, y, width, height);
        }

        void text(float x, float atY, String text, float size, boolean strong) throws IOException {
            out.beginText();
            out.setFont(strong ? bold : regular, size);
            out.newLineAtOffset(x, atY);
            out.showText(safe(text));
            out.endText();
        }

        /** Characters Helvetica's WinAnsi encoding lacks, written as it can. */
        static String safe(String text) {
            return text.replace("≤", "<=").replace("−", "-").replace("≥", ">=");
        }

        void close() throws IOException {
            out.close();
        }
    }
}
