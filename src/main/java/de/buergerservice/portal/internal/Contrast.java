package de.buergerservice.portal.internal;

import java.util.regex.Pattern;

/**
 * WCAG 2.1 contrast (success criterion 1.4.3): the ratio of the relative luminances of two sRGB colours. The
 * portal sets white text on the municipality's primary colour and links in that colour on white, so the colour
 * must reach {@link #MINIMUM} against white.
 */
public final class Contrast {

    /** AA for normal text. */
    public static final double MINIMUM = 4.5;

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    private Contrast() {}

    public static boolean isHexColour(String value) {
        return value != null && HEX.matcher(value).matches();
    }

    /** Contrast ratio of {@code #rrggbb} against white, from 1 to 21. */
    public static double againstWhite(String hex) {
        return ratio(luminance(hex), 1.0);
    }

    static double ratio(double a, double b) {
        double lighter = Math.max(a, b);
        double darker = Math.min(a, b);
        return (lighter + 0.05) / (darker + 0.05);
    }

    static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel((rgb >> 16) & 0xff)
                + 0.7152 * channel((rgb >> 8) & 0xff)
                + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
