package de.buergerservice.applications.internal.submission;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import de.buergerservice.shared.BerlinTime;

/**
 * The PDF of a submission: for the citizen the receipt (Eingangsbestätigung: the municipality, the form, when it
 * was received, the tracking code and every answer), for the back office the same with the history (export).
 * Helvetica with WinAnsi encoding: German umlauts and ß; a character it lacks is written as "?".
 */
final class SubmissionDocument {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'", Locale.GERMAN)
            .withZone(BerlinTime.ZONE);

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private SubmissionDocument() {}

    static byte[] receipt(SubmissionView submission, String municipality, List<AnswerLine> answers) {
        return render(submission, municipality, answers, false);
    }

    static byte[] export(SubmissionView submission, String municipality, List<AnswerLine> answers) {
        return render(submission, municipality, answers, true);
    }

    private static byte[] render(
            SubmissionView submission, String municipality, List<AnswerLine> answers, boolean withHistory) {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle((withHistory ? "Antrag " : "Eingangsbestätigung ") + submission.trackingCode());
            info.setAuthor(municipality);
            doc.setDocumentInformation(info);
            Writer out = new Writer(doc);
            out.line(municipality, 11, false);
            out.gap(8);
            out.paragraph(withHistory ? "Antrag: " + submission.formTitle() : "Eingangsbestätigung", 18, true);
            if (!withHistory) {
                out.paragraph(submission.formTitle(), 13, true);
            }
            out.gap(6);
            out.pair("Vorgangsnummer", submission.trackingCode());
            out.pair("Eingegangen am", WHEN.format(submission.receivedAt()));
            out.pair("E-Mail-Adresse", submission.email());
            out.pair("Formular", submission.formKey() + ", Version " + submission.formVersion());
            if (withHistory) {
                out.pair("Status", SubmissionLabels.status(submission.status()));
            }
            out.gap(10);
            out.paragraph("Ihre Angaben", 13, true);
            for (AnswerLine line : answers) {
                out.pair(line.label(), line.value());
            }
            if (!submission.attachments().isEmpty()) {
                out.gap(10);
                out.paragraph("Anlagen", 13, true);
                for (AttachmentView attachment : submission.attachments()) {
                    out.paragraph(
                            attachment.fileName() + " (" + attachment.sizeText() + ", SHA-256 "
                                    + attachment.sha256().substring(0, 16) + "…)",
                            10,
                            false);
                }
            }
            if (withHistory) {
                out.gap(10);
                out.paragraph("Verlauf", 13, true);
                for (StepView step : submission.history()) {
                    out.paragraph(
                            WHEN.format(step.at()) + " – " + SubmissionLabels.status(step.status()) + " – "
                                    + (step.fromCitizen() ? "Antragsteller/in" : step.actor())
                                    + (step.message() == null ? "" : ": " + step.message()),
                            10,
                            false);
                }
            } else {
                out.gap(14);
                out.paragraph(
                        "Bitte bewahren Sie die Vorgangsnummer auf. Mit ihr und Ihrer E-Mail-Adresse sehen Sie den "
                                + "Stand Ihres Antrags jederzeit online.",
                        10,
                        false);
            }
            out.close();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A simple top-to-bottom writer on A4. */
    private static final class Writer {

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

        void gap(float points) {
            y -= points;
        }

        void line(String text, float size, boolean strong) throws IOException {
            if (y - size - 4 < MARGIN) {
                newPage();
            }
            y -= size + 4;
            out.beginText();
            out.setFont(strong ? bold : regular, size);
            out.newLineAtOffset(MARGIN, y);
            out.showText(safe(strong ? bold : regular, text));
            out.endText();
        }

        void pair(String label, String value) throws IOException {
            paragraph(label, 9, true);
            paragraph(value == null || value.isBlank() ? "–" : value, 11, false);
            gap(3);
        }

        void paragraph(String text, float size, boolean strong) throws IOException {
            PDType1Font font = strong ? bold : regular;
            for (String part : text.split("\\R")) {
                for (String wrapped : wrap(font, safe(font, part), size)) {
                    line(wrapped, size, strong);
                }
            }
        }

        List<String> wrap(PDType1Font font, String text, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > WIDTH && !current.isEmpty()) {
                    lines.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            lines.add(current.toString());
            return lines;
        }

        static String safe(PDType1Font font, String text) {
            StringBuilder safe = new StringBuilder();
            text.codePoints().forEach(c -> {
                String s = new String(Character.toChars(c));
                try {
                    font.encode(s);
                    safe.append(s);
                } catch (IOException | IllegalArgumentException e) {
                    safe.append('?');
                }
            });
            return safe.toString();
        }

        void close() throws IOException {
            out.close();
        }
    }
}
