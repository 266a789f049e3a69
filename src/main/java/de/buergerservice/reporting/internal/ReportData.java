package de.buergerservice.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import de.buergerservice.reporting.KpiFigures;
import de.buergerservice.reporting.ServiceLevelVariant;
import de.buergerservice.tenancy.AgreementInfo;

/**
 * Everything the report page, the interim report (PDF, CSV) show for one agreement and period: the figures per
 * month and per day, the charts' series and the targets met or missed.
 */
public record ReportData(
        AgreementInfo agreement,
        String tenantName,
        KpiReport months,
        KpiReport days,
        SortedMap<LocalTime, Long> arrivalsByTimeOfDay,
        Map<String, Long> waitDistribution,
        List<Target> targets) {

    /** The service-level variant the agreement's target is measured with. */
    public static final ServiceLevelVariant CONTRACTUAL = ServiceLevelVariant.ANSWERED_WITHIN_OF_OFFERED;

    public enum Status {
        MET,
        MISSED,
        NO_DATA
    }

    /** One target of the agreement: what was agreed, what was measured, met or missed. */
    public record Target(String name, String agreed, String measured, Status status) {}

    public KpiFigures total() {
        return months.total();
    }

    /**
     * The three headline figures in one German sentence, e.g. "Die durchschnittliche Wartezeit lag bei 8 Sekunden,
     * die Erstlösungsquote bei 67 Prozent, der Service-Level bei 92 Prozent." (whole numbers, half up).
     */
    public String headline() {
        KpiFigures t = total();
        return "Die durchschnittliche Wartezeit lag bei " + seconds(t.averageSpeedOfAnswerSeconds())
                + ", die Erstlösungsquote bei " + percent(t.firstContactResolutionRate())
                + ", der Service-Level bei " + percent(t.serviceLevel(CONTRACTUAL)) + ".";
    }

    static String seconds(BigDecimal value) {
        if (value == null) {
            return "– (keine angenommenen Anrufe)";
        }
        BigDecimal whole = value.setScale(0, RoundingMode.HALF_UP);
        return whole.toPlainString() + (whole.compareTo(BigDecimal.ONE) == 0 ? " Sekunde" : " Sekunden");
    }

    static String percent(BigDecimal fraction) {
        if (fraction == null) {
            return "– (keine Daten)";
        }
        return KpiFigures.percent(fraction, 0).toPlainString() + " Prozent";
    }
}
