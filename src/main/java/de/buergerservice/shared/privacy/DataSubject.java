package de.buergerservice.shared.privacy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import de.buergerservice.shared.web.InvalidFieldException;

/**
 * The person a request for access or erasure (DSGVO Art. 15, 17) is about, known by a phone number or an e-mail
 * address — what the product stores about citizens. Numbers are compared in every form they are stored in: as the
 * caller's phone sent them ({@code +49441…}, {@code 0049441…}, {@code 0441…}) and as an agent typed them.
 */
public record DataSubject(Kind kind, String value) {

    public enum Kind {
        PHONE,
        EMAIL
    }

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{3,20}");
    private static final Pattern PHONE_INPUT = Pattern.compile("[+0-9 ()/.\\-]{3,40}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    public DataSubject {
        if (kind == Kind.PHONE && !PHONE.matcher(value).matches()
                || kind == Kind.EMAIL
                        && (value.length() > 320 || !EMAIL.matcher(value).matches())) {
            throw new IllegalArgumentException("not a " + kind + ": " + value);
        }
    }

    /** A phone number as an administrator types it (spaces, slashes, dashes allowed); 400 on anything else. */
    public static DataSubject phone(String input) {
        String trimmed = input == null ? "" : input.strip();
        if (!PHONE_INPUT.matcher(trimmed).matches()) {
            throw new InvalidFieldException("phone", "privacy.subject.phone.invalid");
        }
        String digits = trimmed.replaceAll("[ ()/.\\-]", "");
        if (!PHONE.matcher(digits).matches()) {
            throw new InvalidFieldException("phone", "privacy.subject.phone.invalid");
        }
        return new DataSubject(Kind.PHONE, digits);
    }

    public static DataSubject email(String input) {
        String trimmed = input == null ? "" : input.strip().toLowerCase(Locale.ROOT);
        if (trimmed.length() > 320 || !EMAIL.matcher(trimmed).matches()) {
            throw new InvalidFieldException("email", "privacy.subject.email.invalid");
        }
        return new DataSubject(Kind.EMAIL, trimmed);
    }

    /**
     * Exactly one of phone and e-mail; {@code privacy.subject.missing} on field {@code phone} if neither or both are
     * given.
     */
    public static DataSubject of(String phone, String email) {
        boolean hasPhone = phone != null && !phone.isBlank();
        boolean hasEmail = email != null && !email.isBlank();
        if (hasPhone == hasEmail) {
            throw new InvalidFieldException("phone", "privacy.subject.missing");
        }
        return hasPhone ? phone(phone) : email(email);
    }

    /**
     * The forms this subject may be stored in: for a phone number the international ({@code +49…}, {@code 0049…})
     * and national ({@code 0…}) forms of a German number; for an e-mail address the address (compare it lower case).
     */
    public List<String> variants() {
        if (kind == Kind.EMAIL) {
            return List.of(value);
        }
        Set<String> forms = new LinkedHashSet<>();
        forms.add(value);
        String national = null;
        if (value.startsWith("+49")) {
            national = value.substring(3);
        } else if (value.startsWith("0049")) {
            national = value.substring(4);
        } else if (value.startsWith("0") && !value.startsWith("00")) {
            national = value.substring(1);
        }
        if (national != null && !national.isEmpty()) {
            forms.add("+49" + national);
            forms.add("0049" + national);
            forms.add("0" + national);
        }
        return List.copyOf(forms);
    }

    /** For the audit log, which must not keep what was erased: the kind and the last two characters. */
    public String masked() {
        if (kind == Kind.EMAIL) {
            int at = value.indexOf('@');
            return value.charAt(0) + "…@" + value.substring(at + 1);
        }
        return "…" + value.substring(Math.max(0, value.length() - 2));
    }
}
