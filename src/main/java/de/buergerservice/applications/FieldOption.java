package de.buergerservice.applications;

/** One entry of a field's code list: the code stored as the answer and the label shown. */
public record FieldOption(String code, String label) {}
