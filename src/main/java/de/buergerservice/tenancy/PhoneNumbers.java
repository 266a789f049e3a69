package de.buergerservice.tenancy;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/**
 * Phone numbers the way municipalities publish them: stored in E.164 ({@code +4954311820}); read from callers and
 * SIP trunks in any common German notation ({@code 05431 1820}, {@code 0049 5431 1820}, {@code +49 5431 18 20}).
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "DE";

    private PhoneNumbers() {}

    /** The number in E.164 if it is a valid number in any notation (national numbers are read as German). */
    public static Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 40) {
            return Optional.empty();
        }
        try {
            var number = UTIL.parse(raw, DEFAULT_REGION);
            return UTIL.isValidNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code value} is already written in E.164 and is a valid number. */
    public static boolean isE164(String value) {
        return value != null
                && value.matches("\\+[1-9]\\d{6,14}")
                && toE164(value).filter(value::equals).isPresent();
    }

    /** Readable international form for pages, e.g. {@code +49 5431 1820}. */
    public static String display(String e164) {
        try {
            return UTIL.format(UTIL.parse(e164, DEFAULT_REGION), PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }
}
