package de.buergerservice.applications.internal.submission;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stored answers (JSON: field key → list of values) back as the validator's map. */
public final class Answers {

    private Answers() {}

    public static Map<String, List<String>> of(Map<String, Object> stored) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        stored.forEach((key, value) -> {
            if (value instanceof List<?> list) {
                answers.put(key, list.stream().map(String::valueOf).toList());
            } else if (value != null) {
                answers.put(key, List.of(String.valueOf(value)));
            }
        });
        return answers;
    }
}
