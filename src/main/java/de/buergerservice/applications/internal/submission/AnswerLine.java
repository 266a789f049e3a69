package de.buergerservice.applications.internal.submission;

/** One answer as a person reads it: the field's label (in the submission's form version) and the value shown. */
public record AnswerLine(String fieldKey, String label, String value) {}
