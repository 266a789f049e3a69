package de.buergerservice.applications;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether a definition can be stored as a form: a key, a title, unique field ids, rules that fit together, code
 * lists for selects, conditions that name another field of the form. Problems name the element by its path
 * ({@code sections[0].fields[2].pattern}) and say in German what is wrong.
 */
public final class FormRules {

    private static final String PREFIX = "applications.form.";
    /** The pattern of a form key: lower case letters, digits and '-', as it appears in addresses. */
    public static final Pattern FORM_KEY = Pattern.compile("[a-z0-9][a-z0-9-]{1,79}");
    /** Field and section ids: no dot, since an address's parts are {@code id.part}. */
    public static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,79}");

    private FormRules() {}

    public static List<FieldProblem> check(FormDefinition form) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.formKey() == null || !FORM_KEY.matcher(form.formKey()).matches()) {
            add(problems, "formKey", "key");
        }
        if (blank(form.title()) || form.title().length() > 300) {
            add(problems, "title", "title");
        }
        if (form.sections().isEmpty()) {
            add(problems, "sections", "noSections");
        }
        Set<String> ids = new HashSet<>();
        Set<String> sectionIds = new HashSet<>();
        for (int s = 0; s < form.sections().size(); s++) {
            FormSection section = form.sections().get(s);
            String path = "sections[" + s + "]";
            if (section.id() == null || !ID.matcher(section.id()).matches()) {
                add(problems, path + ".id", "id");
            } else if (!sectionIds.add(section.id())) {
                add(problems, path + ".id", "duplicateId", section.id());
            }
            if (blank(section.title())) {
                add(problems, path + ".title", "sectionTitle");
            }
            for (int f = 0; f < section.fields().size(); f++) {
                field(form, section.fields().get(f), path + ".fields[" + f + "]", ids, problems);
            }
        }
        return List.copyOf(problems);
    }

    private static void field(
            FormDefinition form, FormField field, String path, Set<String> ids, List<FieldProblem> problems) {
        if (field.id() == null || !ID.matcher(field.id()).matches()) {
            add(problems, path + ".id", "id");
        } else if (!ids.add(field.id())) {
            add(problems, path + ".id", "duplicateId", field.id());
        }
        if (field.kind() == null) {
            add(problems, path + ".kind", "kind");
            return;
        }
        if (blank(field.label())) {
            add(problems, path + ".label", "label");
        }
        FieldConstraints rules = field.constraints();
        if (rules.minLength() != null && rules.minLength() < 0
                || rules.maxLength() != null && rules.maxLength() < 1
                || rules.minLength() != null && rules.maxLength() != null && rules.minLength() > rules.maxLength()) {
            add(problems, path + ".constraints.maxLength", "lengths");
        }
        if (rules.min() != null && rules.max() != null && rules.min().compareTo(rules.max()) > 0) {
            add(problems, path + ".constraints.max", "range");
        }
        if (rules.pattern() != null) {
            try {
                Pattern.compile(rules.pattern());
            } catch (PatternSyntaxException e) {
                add(problems, path + ".constraints.pattern", "pattern", e.getDescription());
            }
        }
        if (field.maxCount() != null && field.maxCount() < 1
                || field.minCount() != null
                        && (field.minCount() < 0 || field.maxCount() != null && field.minCount() > field.maxCount())) {
            add(problems, path + ".maxCount", "counts");
        }
        if (field.kind() == FieldKind.SELECT && field.options().isEmpty()) {
            add(problems, path + ".options", "noOptions");
        }
        Set<String> codes = new HashSet<>();
        for (FieldOption option : field.options()) {
            if (blank(option.code()) || blank(option.label()) || !codes.add(option.code())) {
                add(problems, path + ".options", "option", String.valueOf(option.code()));
                break;
            }
        }
        VisibleWhen condition = field.visibleWhen();
        if (condition != null) {
            boolean known = condition.fieldId() != null
                    && !condition.fieldId().equals(field.id())
                    && form.field(condition.fieldId()).isPresent();
            if (!known) {
                add(problems, path + ".visibleWhen.fieldId", "condition", String.valueOf(condition.fieldId()));
            }
        }
    }

    private static void add(List<FieldProblem> problems, String path, String code, String... arguments) {
        List<String> args = List.of(arguments);
        problems.add(new FieldProblem(path, PREFIX + code, args, FormValidator.german(PREFIX + code, args)));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
