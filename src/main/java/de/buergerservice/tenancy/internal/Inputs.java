package de.buergerservice.tenancy.internal;

/** Normalisation of optional text input: an empty form field means "not given". */
final class Inputs {

    private Inputs() {}

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
