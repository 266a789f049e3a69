package de.buergerservice.tenancy.web;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import de.buergerservice.tenancy.TimeRange;

/** Opening intervals as people type them in a form: {@code 08:00-12:30, 14:00-16:00}. */
final class TimeRanges {

    private static final Pattern RANGE = Pattern.compile("(\\d{1,2})[:.](\\d{2})\\s*[-–]\\s*(\\d{1,2})[:.](\\d{2})");

    private TimeRanges() {}

    /** Parses the text; blank means no interval. Throws {@link IllegalArgumentException} for anything else. */
    static List<TimeRange> parse(String text) {
        List<TimeRange> ranges = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return ranges;
        }
        for (String part : text.split("[,;]")) {
            Matcher m = RANGE.matcher(part.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException(part);
            }
            ranges.add(new TimeRange(time(m.group(1), m.group(2)), time(m.group(3), m.group(4))));
        }
        return ranges;
    }

    static String format(List<TimeRange> ranges) {
        return ranges.stream()
                .map(r -> r.opens() + "-" + TimeRange.formatClosing(r.closes()))
                .collect(Collectors.joining(", "));
    }

    private static LocalTime time(String hour, String minute) {
        int h = Integer.parseInt(hour);
        int m = Integer.parseInt(minute);
        // 24:00 is how offices write "until midnight"
        if (h == 24 && m == 0) {
            return TimeRange.END_OF_DAY;
        }
        if (h > 23 || m > 59) {
            throw new IllegalArgumentException(hour + ":" + minute);
        }
        return LocalTime.of(h, m);
    }
}
