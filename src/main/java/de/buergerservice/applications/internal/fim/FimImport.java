package de.buergerservice.applications.internal.fim;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.xml.XmlFactory;
import tools.jackson.dataformat.xml.XmlMapper;

import de.buergerservice.applications.FieldConstraints;
import de.buergerservice.applications.FieldKind;
import de.buergerservice.applications.FieldOption;
import de.buergerservice.applications.FormDefinition;
import de.buergerservice.applications.FormField;
import de.buergerservice.applications.FormSection;
import de.buergerservice.applications.FormSource;

/**
 * Turns a FIM XDatenfelder message into a form: an XDatenfelder 2.0 Stammdatenschema
 * ({@code xdatenfelder.stammdatenschema.0102}) or a 3.0.0 Datenfeldgruppe ({@code xdatenfelder.datenfeldgruppe.0103}).
 * Groups become sections, {@code feldart}/{@code datentyp} field kinds, {@code praezisierung} lengths, ranges and
 * patterns, {@code anzahl} required and repeatable, contained code lists ({@code werte}) options; FIM ids and
 * versions are kept. Pure: no storage; a file it refuses raises {@link FimRefused} with a German reason naming the
 * element.
 *
 * <p>Parsed with Jackson XML (StAX underneath, DTDs and external entities off): first the root element's namespace,
 * then the document as a tree — where an element that may occur once but occurs twice with content shows up as an
 * array and is refused — and that tree bound to {@link Xdf}'s records, which refuse unexpected elements.
 */
public final class FimImport {

    public static final String XDF2 = "urn:xoev-de:fim:standard:xdatenfelder_2";
    public static final String XDF3 = "urn:xoev-de:fim:standard:xdatenfelder_3.0.0";
    private static final Map<String, String> MESSAGES = Map.of(
            XDF2, "xdatenfelder.stammdatenschema.0102",
            XDF3, "xdatenfelder.datenfeldgruppe.0103");
    // Codeliste xdatenfelder.freigabestatus (3.0.0): 1 in Planung … 6 fachlich freigegeben (gold), 7 inaktiv, 8
    // vorgesehen zum Löschen
    private static final Set<String> RELEASE_STATES = Set.of("1", "2", "3", "4", "5", "6", "7", "8");
    private static final Pattern CARDINALITY = Pattern.compile("(\\d+):(\\d+|\\*)");

    private static final XmlMapper XML = XmlMapper.builder(
                    XmlFactory.builder().xmlInputFactory(safeInputFactory()).build())
            .build();
    private static final JsonMapper BINDER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
            .build();

    /** A form made from the file, and what could not be carried over (in German). */
    public record Result(FormDefinition form, List<String> warnings) {}

    /** The file is refused; the message names the element and the reason. */
    public static class FimRefused extends RuntimeException {
        public FimRefused(String message) {
            super(message);
        }
    }

    private final List<String> warnings = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    private FimImport() {}

    public static Result read(byte[] xml) {
        String namespace = rootNamespace(xml);
        JsonNode tree;
        try {
            tree = XML.readTree(xml);
            if (XDF3.equals(namespace)) {
                tree = collapseEmptyRepeats(tree);
            }
        } catch (JacksonException e) {
            throw new FimRefused("Die Datei ist kein lesbares XML: " + e.getOriginalMessage());
        }
        Xdf.Message message;
        try {
            message = BINDER.treeToValue(tree, Xdf.Message.class);
        } catch (UnrecognizedPropertyException e) {
            throw new FimRefused("Unerwartetes Element <xdf:" + e.getPropertyName() + ">" + in(e, 1) + ".");
        } catch (MismatchedInputException e) {
            JsonNode node = at(tree, e);
            String element = "<xdf:" + last(e) + ">";
            throw new FimRefused(
                    node != null && node.isArray()
                            ? "Das Element " + element + in(e, 1) + " kommt mehrfach vor; erlaubt ist es einmal."
                            : "Das Element " + element + in(e, 1) + " hat einen unerwarteten Inhalt.");
        } catch (JacksonException e) {
            throw new FimRefused("Die Datei ist keine XDatenfelder-Nachricht: " + e.getOriginalMessage());
        }
        FimImport mapping = new FimImport();
        FormDefinition form = XDF2.equals(namespace)
                ? mapping.schema(required(message.stammdatenschema(), "xdf:stammdatenschema"), "XDF2")
                : mapping.schema(required(message.datenfeldgruppe(), "xdf:datenfeldgruppe"), "XDF3");
        return new Result(form, List.copyOf(mapping.warnings));
    }

    /** The root element's namespace, checked against the two supported messages. */
    private static String rootNamespace(byte[] xml) {
        try {
            XMLStreamReader reader = safeInputFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (reader.hasNext() && reader.next() != XMLStreamConstants.START_ELEMENT) {
                    // skip the prolog
                }
                if (!reader.isStartElement()) {
                    throw new FimRefused("Die Datei enthält kein XML-Element.");
                }
                String namespace = reader.getNamespaceURI();
                String name = reader.getLocalName();
                String element = "<"
                        + (reader.getPrefix() == null || reader.getPrefix().isEmpty() ? "" : reader.getPrefix() + ":")
                        + name + ">";
                if (!MESSAGES.containsKey(namespace)) {
                    throw new FimRefused("Unbekannter Namensraum „" + namespace + "“ am Element " + element
                            + " (Zeile " + reader.getLocation().getLineNumber() + "): erwartet wird " + XDF2
                            + " (XDatenfelder 2.0) oder " + XDF3 + " (XDatenfelder 3.0.0).");
                }
                if (!MESSAGES.get(namespace).equals(name)) {
                    throw new FimRefused("Die Nachricht " + element + " wird nicht unterstützt: eingelesen werden "
                            + MESSAGES.get(XDF2) + " (2.0) und " + MESSAGES.get(XDF3) + " (3.0.0).");
                }
                return namespace;
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new FimRefused("Die Datei ist kein lesbares XML: " + e.getMessage());
        }
    }

    private static XMLInputFactory safeInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    /**
     * In 3.0.0 an empty element ({@code <xdf:inhalt/>}) is an absent optional value (in 2.0 any repeat is refused,
     * as the reference parser of flxbe/xdatenfelder-xml does for each version): of
     * repeated text elements only those with content count, so one empty and one filled is one value.
     */
    private static JsonNode collapseEmptyRepeats(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> entry : new ArrayList<>(object.properties())) {
                JsonNode value = collapseEmptyRepeats(entry.getValue());
                if (value instanceof ArrayNode array && allText(array)) {
                    ArrayNode filled = JsonNodeFactory.instance.arrayNode();
                    array.forEach(item -> {
                        if (!item.asString().isBlank()) {
                            filled.add(item);
                        }
                    });
                    value = filled.isEmpty() ? array.get(0) : filled.size() == 1 ? filled.get(0) : filled;
                }
                object.set(entry.getKey(), value);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, collapseEmptyRepeats(array.get(i)));
            }
        }
        return node;
    }

    private static boolean allText(ArrayNode array) {
        for (JsonNode item : array) {
            if (!item.isString()) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode at(JsonNode tree, JacksonException e) {
        JsonNode node = tree;
        for (JacksonException.Reference reference : e.getPath()) {
            if (node == null) {
                return null;
            }
            node = reference.getPropertyName() != null
                    ? node.get(reference.getPropertyName())
                    : node.get(reference.getIndex());
        }
        return node;
    }

    private static String last(JacksonException e) {
        List<JacksonException.Reference> path = e.getPath();
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).getPropertyName() != null) {
                return path.get(i).getPropertyName();
            }
        }
        return "?";
    }

    /** " in <xdf:parent>" for the element {@code skip} steps above the end of the path. */
    private static String in(JacksonException e, int skip) {
        List<String> names = e.getPath().stream()
                .map(JacksonException.Reference::getPropertyName)
                .filter(name -> name != null)
                .toList();
        int index = names.size() - 1 - skip;
        return index >= 0 ? " in <xdf:" + names.get(index) + ">" : "";
    }

    private static <T> T required(T value, String element) {
        if (value == null) {
            throw new FimRefused("Das Element <" + element + "> fehlt.");
        }
        return value;
    }

    private FormDefinition schema(Xdf.Element schema, String standard) {
        Xdf.Identifikation id =
                identification(schema, standard.equals("XDF2") ? "xdf:stammdatenschema" : "xdf:datenfeldgruppe");
        checkCommon(schema, "xdf:" + (standard.equals("XDF2") ? "stammdatenschema" : "datenfeldgruppe"));
        List<FormSection> sections = new ArrayList<>();
        List<FormField> loose = new ArrayList<>();
        if (standard.equals("XDF3")) {
            // the Datenfeldgruppe itself is the form: its direct fields one section, each subgroup one more
            sections.addAll(groupSections(schema, true));
        } else {
            for (Xdf.Struktur struktur : structures(schema)) {
                Cardinality count = cardinality(struktur.anzahl());
                Xdf.Enthaelt content = required(struktur.enthaelt(), "xdf:enthaelt");
                if (content.datenfeldgruppe() != null) {
                    sections.add(section(content.datenfeldgruppe(), count));
                } else if (content.datenfeld() != null) {
                    field(content.datenfeld(), count, true).ifPresent(loose::add);
                }
            }
            if (!loose.isEmpty()) {
                sections.add(0, new FormSection("allgemein", "Allgemeine Angaben", null, loose));
            }
        }
        if (schema.regel() != null && !schema.regel().isEmpty()) {
            warnings.add("Die Regeln des Schemas (" + schema.regel().size()
                    + ") werden nicht übernommen; bitte prüfen Sie Bedingungen von Hand.");
        }
        if (sections.isEmpty()) {
            warnings.add("Die Nachricht enthält keine Datenfelder; das Formular ist noch leer.");
            sections.add(new FormSection("allgemein", "Allgemeine Angaben", null, List.of()));
        }
        String title = label(schema);
        String key = ("fim-" + id.id().toLowerCase(Locale.ROOT)).replaceAll("[^a-z0-9-]", "-");
        return new FormDefinition(
                key.length() > 80 ? key.substring(0, 80) : key,
                0,
                title,
                blank(schema.hilfetextEingabe())
                        ? null
                        : schema.hilfetextEingabe().strip(),
                sections,
                new FormSource(standard, id.id(), id.version()));
    }

    /** A 3.0.0 Datenfeldgruppe as the form: its own fields first, then one section per subgroup. */
    private List<FormSection> groupSections(Xdf.Element group, boolean root) {
        List<FormSection> sections = new ArrayList<>();
        List<FormField> own = new ArrayList<>();
        for (Xdf.Struktur struktur : structures(group)) {
            Cardinality count = cardinality(struktur.anzahl());
            Xdf.Enthaelt content = required(struktur.enthaelt(), "xdf:enthaelt");
            if (content.datenfeldgruppe() != null) {
                sections.add(section(content.datenfeldgruppe(), count));
            } else if (content.datenfeld() != null) {
                field(content.datenfeld(), count, true).ifPresent(own::add);
            }
        }
        if (!own.isEmpty()) {
            Xdf.Identifikation id = group.identifikation();
            sections.add(0, new FormSection(uniqueId(id.id()), label(group), help(group), own));
        }
        return sections;
    }

    private FormSection section(Xdf.Element group, Cardinality count) {
        Xdf.Identifikation id = identification(group, "xdf:datenfeldgruppe");
        checkCommon(group, "xdf:datenfeldgruppe");
        if (count.max() == null || count.max() > 1) {
            warnings.add("Die Gruppe " + id.id() + " „" + label(group) + "“ darf mehrfach vorkommen (" + count.text()
                    + "); das Formular fragt sie einmal ab.");
        }
        List<FormField> fields = new ArrayList<>();
        collect(group, count.min() > 0, fields);
        return new FormSection(uniqueId(id.id()), label(group), help(group), fields);
    }

    /** The fields of a group and of its subgroups (a subgroup's title as a label before its fields). */
    private void collect(Xdf.Element group, boolean groupRequired, List<FormField> fields) {
        for (Xdf.Struktur struktur : structures(group)) {
            Cardinality count = cardinality(struktur.anzahl());
            Xdf.Enthaelt content = required(struktur.enthaelt(), "xdf:enthaelt");
            if (content.datenfeld() != null) {
                field(content.datenfeld(), count, groupRequired).ifPresent(fields::add);
            } else if (content.datenfeldgruppe() != null) {
                Xdf.Element sub = content.datenfeldgruppe();
                Xdf.Identifikation id = identification(sub, "xdf:datenfeldgruppe");
                checkCommon(sub, "xdf:datenfeldgruppe");
                fields.add(new FormField(
                        uniqueId(id.id()),
                        label(sub),
                        FieldKind.LABEL,
                        false,
                        null,
                        1,
                        help(sub),
                        null,
                        null,
                        null,
                        id.id() + " " + id.version()));
                collect(sub, groupRequired && count.min() > 0, fields);
            }
        }
    }

    private java.util.Optional<FormField> field(Xdf.Element field, Cardinality count, boolean groupRequired) {
        Xdf.Identifikation id = identification(field, "xdf:datenfeld");
        checkCommon(field, "xdf:datenfeld");
        String feldart = code(field.feldart(), "input");
        String datentyp = code(field.datentyp(), "text");
        String label = label(field);
        List<FieldOption> options = options(field);
        FieldKind kind =
                switch (feldart) {
                    case "label" -> FieldKind.LABEL;
                    case "check" -> FieldKind.CHECKBOX;
                    case "select" -> options.isEmpty() ? FieldKind.TEXT : FieldKind.SELECT;
                    case "file" -> FieldKind.FILE;
                    case "input" -> kindOf(datentyp, label);
                    case "hidden", "locked" -> null;
                    default ->
                        throw new FimRefused("Unbekannte Feldart „" + feldart
                                + "“ im Element <xdf:feldart> des Datenfelds " + id.id() + ".");
                };
        if (kind == null) {
            warnings.add("Das Datenfeld " + id.id() + " „" + label + "“ ist " + feldart
                    + " und erscheint nicht im Formular.");
            return java.util.Optional.empty();
        }
        if (feldart.equals("select") && options.isEmpty()) {
            warnings.add("Die Codeliste des Datenfelds " + id.id() + " „" + label
                    + "“ ist nicht in der Datei enthalten; das Feld wird ein Textfeld.");
        }
        FieldConstraints constraints = constraints(field, id.id());
        if (kind == FieldKind.TEXT && constraints.maxLength() != null && constraints.maxLength() > 200) {
            kind = FieldKind.TEXTAREA;
        }
        String help = help(field);
        if (kind == FieldKind.LABEL) {
            String text = blank(field.inhalt()) ? label : field.inhalt().strip();
            return java.util.Optional.of(new FormField(
                    uniqueId(id.id()),
                    text,
                    FieldKind.LABEL,
                    false,
                    null,
                    1,
                    help,
                    null,
                    null,
                    null,
                    id.id() + " " + id.version()));
        }
        boolean required = groupRequired && count.min() > 0;
        Integer minCount = count.min() > 1 ? count.min() : null;
        return java.util.Optional.of(new FormField(
                uniqueId(id.id()),
                label,
                kind,
                required,
                minCount,
                count.max(),
                help,
                constraints,
                options,
                null,
                id.id() + " " + id.version()));
    }

    private static FieldKind kindOf(String datentyp, String label) {
        String name = label.toLowerCase(Locale.GERMAN);
        return switch (datentyp) {
            case "date" -> FieldKind.DATE;
            case "bool" -> FieldKind.CHECKBOX;
            case "num", "num_int", "num_currency" -> FieldKind.NUMBER;
            case "file", "obj" -> FieldKind.FILE;
            default ->
                name.contains("e-mail") || name.contains("email")
                        ? FieldKind.EMAIL
                        : name.contains("telefon")
                                ? FieldKind.PHONE
                                : name.contains("iban") ? FieldKind.IBAN : FieldKind.TEXT;
        };
    }

    private FieldConstraints constraints(Xdf.Element field, String id) {
        JsonNode node = field.praezisierung();
        if (node == null || node.isNull() || node.isString() && node.asString().isBlank()) {
            return FieldConstraints.NONE;
        }
        JsonNode values;
        if (node.isString()) {
            // 2.0: the praezisierung is a JSON object as text, e.g. {"minLength":"1","maxLength":"120"}
            try {
                values = BINDER.readTree(node.asString());
            } catch (JacksonException e) {
                throw new FimRefused("Das Element <xdf:praezisierung> des Datenfelds " + id
                        + " ist kein gültiges JSON: " + e.getOriginalMessage());
            }
        } else {
            values = node; // 3.0.0: attributes minLength, maxLength, minValue, maxValue, pattern
        }
        Integer minLength = integer(values, "minLength", id);
        Integer maxLength = integer(values, "maxLength", id);
        BigDecimal min = decimal(values, "minValue");
        BigDecimal max = decimal(values, "maxValue");
        String pattern = text(values, "pattern");
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                warnings.add("Das Muster des Datenfelds " + id + " ist in Java nicht lesbar und wird nicht geprüft.");
                pattern = null;
            }
        }
        if (minLength != null && minLength == 0) {
            minLength = null;
        }
        return new FieldConstraints(minLength, maxLength, pattern, min, max, null);
    }

    private static Integer integer(JsonNode values, String name, String id) {
        String text = text(values, name);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new FimRefused("„" + text + "“ ist keine ganze Zahl (" + name
                    + " in <xdf:praezisierung> des Datenfelds " + id + ").");
        }
    }

    private static BigDecimal decimal(JsonNode values, String name) {
        String text = text(values, name);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null; // a date bound such as minValue="2020-01-01" is not a number range
        }
    }

    private static String text(JsonNode values, String name) {
        JsonNode value = values.get(name);
        return value == null || value.isNull() || value.asString().isBlank()
                ? null
                : value.asString().strip();
    }

    private static List<FieldOption> options(Xdf.Element field) {
        if (field.werte() == null || field.werte().wert() == null) {
            return List.of();
        }
        return field.werte().wert().stream()
                .filter(wert -> !blank(wert.code()))
                .map(wert -> new FieldOption(
                        wert.code().strip(),
                        blank(wert.name()) ? wert.code().strip() : wert.name().strip()))
                .toList();
    }

    private static List<Xdf.Struktur> structures(Xdf.Element element) {
        return element.struktur() == null ? List.of() : element.struktur();
    }

    private static Xdf.Identifikation identification(Xdf.Element element, String where) {
        Xdf.Identifikation id = element.identifikation();
        if (id == null) {
            throw new FimRefused("Im Element <" + where + "> fehlt <xdf:identifikation>.");
        }
        if (id.id() == null) {
            throw new FimRefused("Im Element <xdf:identifikation> von <" + where + "> fehlt <xdf:id>.");
        }
        if (id.id().isBlank()) {
            throw new FimRefused("Das Element <xdf:id> in <" + where + "> ist leer.");
        }
        return id;
    }

    private static void checkCommon(Xdf.Element element, String where) {
        if (blank(element.name())) {
            throw new FimRefused(
                    "Im Element <" + where + "> " + element.identifikation().id() + " fehlt <xdf:name>.");
        }
        if (element.freigabestatus() != null
                && !RELEASE_STATES.contains(
                        String.valueOf(element.freigabestatus().code()).strip())) {
            throw new FimRefused("Ungültiger Freigabestatus „"
                    + element.freigabestatus().code() + "“ im Element"
                    + " <xdf:freigabestatus> von " + element.identifikation().id()
                    + " (erlaubt sind die Codes 1 bis 8 der Codeliste xdatenfelder.freigabestatus).");
        }
    }

    private static String code(Xdf.Code code, String fallback) {
        return code == null || blank(code.code()) ? fallback : code.code().strip();
    }

    private static String label(Xdf.Element element) {
        return (blank(element.bezeichnungEingabe()) ? element.name() : element.bezeichnungEingabe()).strip();
    }

    private static String help(Xdf.Element element) {
        String help = blank(element.hilfetextEingabe()) ? element.hilfetext() : element.hilfetextEingabe();
        return blank(help) ? null : help.strip();
    }

    /** FIM ids may repeat within a schema (one field in two groups); form ids may not. */
    private String uniqueId(String fimId) {
        String base = fimId.strip().replaceAll("[^A-Za-z0-9_-]", "_");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = "F" + base;
        }
        String id = base;
        for (int n = 2; !ids.add(id); n++) {
            id = base + "_" + n;
        }
        return id;
    }

    private record Cardinality(int min, Integer max, String text) {}

    private static Cardinality cardinality(String anzahl) {
        String text = anzahl == null || anzahl.isBlank() ? "1:1" : anzahl.strip();
        Matcher m = CARDINALITY.matcher(text);
        if (!m.matches()) {
            throw new FimRefused("„" + text + "“ im Element <xdf:anzahl> ist keine Anzahl wie 0:1, 1:1 oder 0:*.");
        }
        int min = Integer.parseInt(m.group(1));
        Integer max = m.group(2).equals("*") ? null : Integer.valueOf(m.group(2));
        if (max != null && (max < 1 || max < min)) {
            throw new FimRefused("„" + text + "“ im Element <xdf:anzahl>: die Höchstzahl muss mindestens 1 und nicht"
                    + " kleiner als die Mindestzahl sein.");
        }
        return new Cardinality(min, max, text);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
