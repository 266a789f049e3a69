package de.buergerservice.applications;

/** What a field asks for; decides its input element and the checks {@link FormValidator} makes. */
public enum FieldKind {
    TEXT,
    TEXTAREA,
    NUMBER,
    DATE,
    EMAIL,
    PHONE,
    /** An IBAN of any SEPA country, checked with the ISO 13616 mod-97 checksum; spaces are allowed. */
    IBAN,
    /** One code of {@link FormField#options()}. */
    SELECT,
    /** Checked ({@code true}) or not; a required checkbox must be checked (a consent). */
    CHECKBOX,
    /** A German address: street, house number, five-digit postal code, city (see {@link AddressPart}). */
    ADDRESS,
    /** An attachment; its content is checked where it is received, the validator checks only its presence. */
    FILE,
    /** Static text (an explanation between fields); never answered. */
    LABEL;

    /** Whether the citizen gives an answer to a field of this kind. */
    public boolean answerable() {
        return this != LABEL;
    }
}
