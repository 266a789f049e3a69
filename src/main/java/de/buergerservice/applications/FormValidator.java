package de.buergerservice.applications;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * The server's check of a citizen's answers against one form version: the authority, whatever the browser checked
 * before. Pure (no Spring, no I/O, the day passed in), so the portal, the API and the back office check alike.
 *
 * <p>Answers are keyed by field id (an address by {@link AddressPart#key}); a field that is not visible (its
 * {@link VisibleWhen} does not hold) is neither required nor checked. Blank answers count as not given.
 */
public final class FormValidator {

    static final String BUNDLE = "i18n.applications";
    private static final String PREFIX = "applications.validation.";
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}([.,]\\d{1,10})?");
    private static final DateTimeFormatter GERMAN_DATE =
            DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);
    // local part and domain as in the WHATWG definition of a valid e-mail address (what <input type=email> checks)
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("\\+?[0-9 ()/-]{3,30}");
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");
    private static final Pattern HOUSE_NUMBER = Pattern.compile("\\d{1,5} ?[A-Za-z]?( ?[-/] ?\\d{0,5} ?[A-Za-z]?)?");
    private static final Set<String> CHECKED = Set.of("true", "on", "ja", "1");

    private FormValidator() {}

    /**
     * Every problem of {@code answers} against {@code form}, in the order of the form's fields; empty when the
     * answers may be submitted.
     */
    public static List<FieldProblem> validate(FormDefinition form, Map<String, List<String>> answers, LocalDate today) {
        Check check = new Check(form, answers == null ? Map.of() : answers, today);
        form.fields().filter(field -> field.kind().answerable()).forEach(check::field);
        return List.copyOf(check.problems);
    }

    /** Whether {@code field} is shown given the answers (its condition holds, and that of the field it names). */
    public static boolean isVisible(FormDefinition form, FormField field, Map<String, List<String>> answers) {
        return visible(form, field, answers, new HashSet<>());
    }

    private static boolean visible(
            FormDefinition form, FormField field, Map<String, List<String>> answers, Set<String> seen) {
        VisibleWhen condition = field.visibleWhen();
        if (condition == null) {
            return true;
        }
        if (!seen.add(field.id())) {
            return false; // a cycle of conditions never holds
        }
        FormField other = form.field(condition.fieldId()).orElse(null);
        if (other == null || !visible(form, other, answers, seen)) {
            return false;
        }
        List<String> values = answers.getOrDefault(other.id(), List.of());
        String wanted = condition.equals() == null ? "" : condition.equals().strip();
        if (other.kind() == FieldKind.CHECKBOX) {
            boolean checked = values.stream().anyMatch(FormValidator::isChecked);
            return checked == isChecked(wanted);
        }
        return values.stream().anyMatch(value -> value != null && value.strip().equals(wanted));
    }

    /** Whether a checkbox's answer means "checked". */
    public static boolean isChecked(String value) {
        return value != null && CHECKED.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    /** The German text of a message key of this module's bundle. */
    static String german(String code, List<String> arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE,
                Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(code), Locale.GERMAN).format(arguments.toArray());
    }

    /** One run over the answers, collecting problems. */
    private static final class Check {
        private final FormDefinition form;
        private final Map<String, List<String>> answers;
        private final LocalDate today;
        private final List<FieldProblem> problems = new ArrayList<>();

        Check(FormDefinition form, Map<String, List<String>> answers, LocalDate today) {
            this.form = form;
            this.answers = answers;
            this.today = today;
        }

        void field(FormField field) {
            if (!isVisible(form, field, answers)) {
                return;
            }
            if (field.kind() == FieldKind.ADDRESS) {
                address(field);
                return;
            }
            List<String> values = given(field.id());
            if (field.kind() == FieldKind.CHECKBOX) {
                values = values.stream().filter(FormValidator::isChecked).toList();
            }
            if (!count(field, field.id(), values.size())) {
                return;
            }
            for (String value : values) {
                if (!value(field, value)) {
                    return; // one message per field is enough
                }
            }
        }

        /** Checks the number of answers; false if a problem was reported. */
        private boolean count(FormField field, String inputId, int count) {
            int needed = field.requiredCount();
            if (count < needed) {
                if (count == 0) {
                    String code = field.kind() == FieldKind.CHECKBOX ? "checkboxRequired" : "required";
                    problem(inputId, code, field.label());
                } else {
                    problem(inputId, "tooFew", field.label(), String.valueOf(needed));
                }
                return false;
            }
            if (field.maxCount() != null && count > field.maxCount()) {
                problem(inputId, "tooMany", field.label(), String.valueOf(field.maxCount()));
                return false;
            }
            return true;
        }

        private boolean value(FormField field, String value) {
            return switch (field.kind()) {
                case TEXT, TEXTAREA -> text(field, value);
                case NUMBER -> number(field, value) && text(field, value);
                case DATE -> date(field, value);
                case EMAIL -> text(field, value) && matches(field, value, EMAIL, "email");
                case PHONE -> text(field, value) && phone(field, value);
                case IBAN -> iban(field, value);
                case SELECT -> option(field, value);
                case CHECKBOX, FILE, LABEL, ADDRESS -> true;
            };
        }

        private boolean text(FormField field, String value) {
            FieldConstraints rules = field.constraints();
            int length = value.codePointCount(0, value.length());
            if (rules.minLength() != null && length < rules.minLength()) {
                return problem(field.id(), "tooShort", field.label(), String.valueOf(rules.minLength()));
            }
            if (rules.maxLength() != null && length > rules.maxLength()) {
                return problem(field.id(), "tooLong", field.label(), String.valueOf(rules.maxLength()));
            }
            if (rules.pattern() != null && !rules.pattern().isBlank()) {
                try {
                    if (!Pattern.compile(rules.pattern()).matcher(value).matches()) {
                        return problem(field.id(), "pattern", field.label());
                    }
                } catch (PatternSyntaxException e) {
                    // a form is checked when stored (FormRules); an unreadable pattern here refuses nothing
                    return true;
                }
            }
            return true;
        }

        private boolean number(FormField field, String value) {
            String plain = value.replace(" ", "");
            if (!NUMBER.matcher(plain).matches()) {
                return problem(field.id(), "number", field.label());
            }
            BigDecimal number = new BigDecimal(plain.replace(',', '.'));
            FieldConstraints rules = field.constraints();
            if (rules.min() != null && number.compareTo(rules.min()) < 0) {
                return problem(field.id(), "numberMin", field.label(), decimal(rules.min()));
            }
            if (rules.max() != null && number.compareTo(rules.max()) > 0) {
                return problem(field.id(), "numberMax", field.label(), decimal(rules.max()));
            }
            return true;
        }

        private boolean date(FormField field, String value) {
            LocalDate date = parseDate(value);
            if (date == null) {
                return problem(field.id(), "date", field.label());
            }
            DateRule rule = field.constraints().date();
            if (rule == null) {
                return true;
            }
            return switch (rule) {
                case PAST -> date.isBefore(today) || problem(field.id(), "datePast", field.label());
                case PAST_OR_TODAY -> !date.isAfter(today) || problem(field.id(), "datePastOrToday", field.label());
                case FUTURE -> date.isAfter(today) || problem(field.id(), "dateFuture", field.label());
                case FUTURE_OR_TODAY ->
                    !date.isBefore(today) || problem(field.id(), "dateFutureOrToday", field.label());
            };
        }

        private boolean phone(FormField field, String value) {
            if (!PHONE_CHARACTERS.matcher(value).matches()) {
                return problem(field.id(), "phone", field.label());
            }
            PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
            try {
                if (!numbers.isPossibleNumber(numbers.parse(value, "DE"))) {
                    return problem(field.id(), "phone", field.label());
                }
            } catch (NumberParseException e) {
                return problem(field.id(), "phone", field.label());
            }
            return true;
        }

        private boolean iban(FormField field, String value) {
            return switch (Iban.check(value)) {
                case VALID -> true;
                case FORMAT -> problem(field.id(), "ibanFormat", field.label());
                case COUNTRY -> problem(field.id(), "ibanCountry", field.label(), Iban.country(value));
                case LENGTH ->
                    problem(
                            field.id(),
                            "ibanLength",
                            field.label(),
                            Iban.country(value),
                            String.valueOf(Iban.length(Iban.country(value))));
                case CHECKSUM -> problem(field.id(), "ibanChecksum", field.label());
            };
        }

        private boolean option(FormField field, String value) {
            boolean known =
                    field.options().stream().anyMatch(option -> option.code().equals(value));
            return known || problem(field.id(), "option", field.label());
        }

        private boolean matches(FormField field, String value, Pattern pattern, String code) {
            return (value.length() <= 254 && pattern.matcher(value).matches())
                    || problem(field.id(), code, field.label());
        }

        /** An address: all four parts, or none when it is optional; each answer of a repeatable one alike. */
        private void address(FormField field) {
            Map<AddressPart, List<String>> parts = new java.util.EnumMap<>(AddressPart.class);
            int instances = 0;
            for (AddressPart part : AddressPart.values()) {
                List<String> values = answers.getOrDefault(part.key(field.id()), List.of());
                parts.put(part, values);
                instances = Math.max(instances, values.size());
            }
            List<Integer> filled = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                int index = i;
                boolean any =
                        parts.values().stream().anyMatch(values -> index < values.size() && !blank(values.get(index)));
                if (any) {
                    filled.add(i);
                }
            }
            if (!count(field, AddressPart.street.key(field.id()), filled.size())) {
                return;
            }
            for (int index : filled) {
                if (!addressPart(field, parts, index)) {
                    return;
                }
            }
        }

        private boolean addressPart(FormField field, Map<AddressPart, List<String>> parts, int index) {
            String street = part(parts, AddressPart.street, index);
            String number = part(parts, AddressPart.houseNumber, index);
            String postalCode = part(parts, AddressPart.postalCode, index);
            String city = part(parts, AddressPart.city, index);
            if (street.isEmpty() || street.length() > 100) {
                return problem(AddressPart.street.key(field.id()), "street", field.label());
            }
            if (!HOUSE_NUMBER.matcher(number).matches()) {
                return problem(AddressPart.houseNumber.key(field.id()), "houseNumber", field.label());
            }
            if (!POSTAL_CODE.matcher(postalCode).matches()) {
                return problem(AddressPart.postalCode.key(field.id()), "postalCode", field.label());
            }
            if (city.isEmpty() || city.length() > 100) {
                return problem(AddressPart.city.key(field.id()), "city", field.label());
            }
            return true;
        }

        private static String part(Map<AddressPart, List<String>> parts, AddressPart part, int index) {
            List<String> values = parts.get(part);
            return index < values.size() && values.get(index) != null
                    ? values.get(index).strip()
                    : "";
        }

        private List<String> given(String key) {
            return answers.getOrDefault(key, List.of()).stream()
                    .filter(value -> !blank(value))
                    .map(String::strip)
                    .toList();
        }

        /** Records a problem; returns false so checks can end with {@code || problem(…)}. */
        private boolean problem(String inputId, String code, String... arguments) {
            List<String> args = List.of(arguments);
            problems.add(new FieldProblem(inputId, PREFIX + code, args, german(PREFIX + code, args)));
            return false;
        }
    }

    /** A date as the browser's date input sends it ({@code 2020-12-31}) or as people write it ({@code 31.12.2020}). */
    public static LocalDate parseDate(String value) {
        String text = value == null ? "" : value.strip();
        try {
            return text.contains(".")
                    ? LocalDate.parse(text, GERMAN_DATE)
                    : LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String decimal(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
