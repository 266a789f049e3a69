package de.buergerservice.applications;

/**
 * The parts of a German address field. The answer of part {@code p} of field {@code f} is kept under the key
 * {@code f.p} (e.g. {@code anschrift.postalCode}); every part is required when the address is.
 */
public enum AddressPart {
    street,
    houseNumber,
    postalCode,
    city;

    /** The answer key of this part of the address field {@code fieldId}. */
    public String key(String fieldId) {
        return fieldId + "." + name();
    }
}
