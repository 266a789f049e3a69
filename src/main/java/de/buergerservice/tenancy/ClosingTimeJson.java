package de.buergerservice.tenancy;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/** JSON of a {@link TimeRange}'s closing time: {@code "HH:mm"}, plus {@code "24:00"} for {@link TimeRange#END_OF_DAY}. */
final class ClosingTimeJson {

    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm");

    private ClosingTimeJson() {}

    static final class Writer extends ValueSerializer<LocalTime> {
        @Override
        public void serialize(LocalTime value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(TimeRange.formatClosing(value));
        }
    }

    static final class Reader extends ValueDeserializer<LocalTime> {
        @Override
        public LocalTime deserialize(JsonParser parser, DeserializationContext context) {
            String text = parser.getValueAsString();
            if ("24:00".equals(text)) {
                return TimeRange.END_OF_DAY;
            }
            try {
                return LocalTime.parse(text == null ? "" : text, FORMAT);
            } catch (DateTimeParseException e) {
                throw context.weirdStringException(text, LocalTime.class, "expected HH:mm or 24:00");
            }
        }
    }
}
