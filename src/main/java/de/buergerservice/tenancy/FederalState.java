package de.buergerservice.tenancy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * German federal state (ISO 3166-2:DE code) with the two leading digits of the official municipality keys (AGS)
 * that lie in it and the subdivision code of the public-holiday calendar.
 */
public enum FederalState {
    SH("01"),
    HH("02"),
    NI("03"),
    HB("04"),
    NW("05"),
    HE("06"),
    RP("07"),
    BW("08"),
    BY("09"),
    SL("10"),
    BE("11"),
    BB("12"),
    MV("13"),
    SN("14"),
    ST("15"),
    TH("16");

    private final String agsPrefix;

    FederalState(String agsPrefix) {
        this.agsPrefix = agsPrefix;
    }

    /** The first two digits of every AGS in this state. */
    public String agsPrefix() {
        return agsPrefix;
    }

    /** Subdivision code in the holiday calendar (lower-case ISO code). */
    public String holidayRegion() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state an AGS belongs to, by its first two digits. */
    public static Optional<FederalState> ofAgs(String ags) {
        if (ags == null || ags.length() < 2) {
            return Optional.empty();
        }
        String prefix = ags.substring(0, 2);
        return Arrays.stream(values()).filter(s -> s.agsPrefix.equals(prefix)).findFirst();
    }
}
