package de.buergerservice.reporting.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

import de.buergerservice.reporting.KpiFigures;

/** The report's charts (JFreeChart), drawn as images for the PDF and the report page. */
public final class Charts {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 380;

    private Charts() {}

    /** Service level (contractual variant, %) and ASA (s) per day, with the agreement's targets as lines. */
    public static BufferedImage serviceLevelPerDay(ReportData data) {
        DefaultCategoryDataset sl = new DefaultCategoryDataset();
        DefaultCategoryDataset asa = new DefaultCategoryDataset();
        for (KpiReport.Interval day : data.days().intervals()) {
            String label = day.label().substring(5);
            BigDecimal level = day.figures().serviceLevel(ReportData.CONTRACTUAL);
            sl.addValue(level == null ? null : KpiFigures.percent(level, 1), "Service-Level %", label);
            asa.addValue(day.figures().averageSpeedOfAnswerSeconds(), "ASA s", label);
        }
        JFreeChart chart = ChartFactory.createLineChart(
                "Service-Level und ASA je Tag",
                null,
                "Service-Level %",
                sl,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getRangeAxis().setRange(0, 100);
        plot.addRangeMarker(
                marker(data.agreement().serviceLevelTarget().percent().doubleValue(), "Ziel SL"));
        NumberAxis seconds = new NumberAxis("ASA s");
        plot.setRangeAxis(1, seconds);
        plot.setDataset(1, asa);
        plot.mapDatasetToRangeAxis(1, 1);
        LineAndShapeRenderer asaRenderer = new LineAndShapeRenderer();
        asaRenderer.setSeriesPaint(0, new Color(0xC0, 0x60, 0x00));
        plot.setRenderer(1, asaRenderer);
        plot.getRenderer().setSeriesPaint(0, new Color(0x1f, 0x4e, 0x99));
        DayAxis days = new DayAxis(data.days().intervals().size());
        days.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        plot.setDomainAxis(days);
        style(chart);
        return chart.createBufferedImage(WIDTH, HEIGHT);
    }

    /**
     * A day axis that, beyond two months of days, labels only the 1st and the 15th of each month: a year's 365
     * rotated labels cannot be read at this width, and laying them out was most of the chart's time.
     */
    static final class DayAxis extends CategoryAxis {

        private final boolean sparse;

        DayAxis(int days) {
            this.sparse = days > 62;
        }

        @Override
        @SuppressWarnings("rawtypes")
        protected TextBlock createLabel(Comparable category, float width, RectangleEdge edge, Graphics2D g2) {
            String label = category.toString();
            if (sparse && !label.endsWith("-01") && !label.endsWith("-15")) {
                return new TextBlock();
            }
            return super.createLabel(category, width, edge, g2);
        }
    }

    /** Calls offered per quarter hour of the day, over the whole period. */
    public static BufferedImage arrivals(ReportData data) {
        DefaultCategoryDataset set = new DefaultCategoryDataset();
        for (Map.Entry<LocalTime, Long> e : data.arrivalsByTimeOfDay().entrySet()) {
            if (e.getKey().getHour() >= 6 && e.getKey().getHour() < 20) {
                set.addValue(e.getValue(), "Anrufe", e.getKey().toString());
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(
                "Anrufe je Viertelstunde des Tages",
                null,
                "Anrufe",
                set,
                PlotOrientation.VERTICAL,
                false,
                false,
                false);
        chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        style(chart);
        return chart.createBufferedImage(WIDTH, HEIGHT);
    }

    /** Calls per wait-time class (answered and abandoned). */
    public static BufferedImage waits(ReportData data) {
        DefaultCategoryDataset set = new DefaultCategoryDataset();
        data.waitDistribution().forEach((label, n) -> set.addValue(n, "Anrufe", label.replace("≤", "<=")));
        JFreeChart chart = ChartFactory.createBarChart(
                "Verteilung der Wartezeit", "Wartezeit", "Anrufe", set, PlotOrientation.VERTICAL, false, false, false);
        style(chart);
        return chart.createBufferedImage(WIDTH, HEIGHT);
    }

    private static ValueMarker marker(double value, String label) {
        ValueMarker marker = new ValueMarker(value);
        marker.setPaint(new Color(0x2e, 0x7d, 0x32));
        marker.setStroke(new BasicStroke(2f));
        marker.setLabel(label);
        return marker;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof CategoryPlot plot) {
            plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
    }

    public static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
