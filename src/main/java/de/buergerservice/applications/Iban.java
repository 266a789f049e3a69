package de.buergerservice.applications;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * IBAN check (ISO 13616): country of the SEPA scheme, its length, and the mod-97 check digits. Spaces, as people
 * write an IBAN in groups of four, are allowed.
 */
public final class Iban {

    /** The outcome of {@link #check}. */
    public enum Result {
        VALID,
        FORMAT,
        COUNTRY,
        LENGTH,
        CHECKSUM
    }

    // IBAN lengths of the countries in the SEPA scheme (EPC409-09, list of 2025: EU, EEA, CH, GB, the microstates,
    // AL, MD, ME, MK); French overseas departments use FR IBANs
    private static final Map<String, Integer> SEPA_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24),
            Map.entry("AL", 28),
            Map.entry("AT", 20),
            Map.entry("BE", 16),
            Map.entry("BG", 22),
            Map.entry("CH", 21),
            Map.entry("CY", 28),
            Map.entry("CZ", 24),
            Map.entry("DE", 22),
            Map.entry("DK", 18),
            Map.entry("EE", 20),
            Map.entry("ES", 24),
            Map.entry("FI", 18),
            Map.entry("FR", 27),
            Map.entry("GB", 22),
            Map.entry("GI", 23),
            Map.entry("GR", 27),
            Map.entry("HR", 21),
            Map.entry("HU", 28),
            Map.entry("IE", 22),
            Map.entry("IS", 26),
            Map.entry("IT", 27),
            Map.entry("LI", 21),
            Map.entry("LT", 20),
            Map.entry("LU", 20),
            Map.entry("LV", 21),
            Map.entry("MC", 27),
            Map.entry("MD", 24),
            Map.entry("ME", 22),
            Map.entry("MK", 19),
            Map.entry("MT", 31),
            Map.entry("NL", 18),
            Map.entry("NO", 15),
            Map.entry("PL", 28),
            Map.entry("PT", 25),
            Map.entry("RO", 24),
            Map.entry("SE", 24),
            Map.entry("SI", 19),
            Map.entry("SK", 24),
            Map.entry("SM", 27),
            Map.entry("VA", 22));
    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Iban() {}

    /** The IBAN without spaces, in capitals. */
    public static String normalise(String value) {
        return value == null ? "" : value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    public static Result check(String value) {
        String iban = normalise(value);
        if (!SHAPE.matcher(iban).matches()) {
            return Result.FORMAT;
        }
        Integer length = SEPA_LENGTHS.get(iban.substring(0, 2));
        if (length == null) {
            return Result.COUNTRY;
        }
        if (iban.length() != length) {
            return Result.LENGTH;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1 ? Result.VALID : Result.CHECKSUM;
    }

    static String country(String value) {
        String iban = normalise(value);
        return iban.length() >= 2 ? iban.substring(0, 2) : iban;
    }

    static int length(String country) {
        return SEPA_LENGTHS.getOrDefault(country, 0);
    }
}
