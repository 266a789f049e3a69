package de.buergerservice.reporting;

/**
 * The common ways to compute a service level with threshold T; a figure is always shown with its variant's name.
 * The agreement's contractual figure is {@link #ANSWERED_WITHIN_OF_OFFERED} (docs/kpis.md says why).
 */
public enum ServiceLevelVariant {
    /** answered within T ÷ answered — ignores abandoned calls (the most flattering). */
    ANSWERED_WITHIN_OF_ANSWERED("angenommen ≤ T ÷ angenommen"),
    /** answered within T ÷ offered — every abandoned call counts against it (the contractual one). */
    ANSWERED_WITHIN_OF_OFFERED("angenommen ≤ T ÷ angeboten"),
    /** (answered + abandoned) within T ÷ offered — a caller who hung up within T is not held against it. */
    ANSWERED_OR_ABANDONED_WITHIN_OF_OFFERED("(angenommen + aufgelegt) ≤ T ÷ angeboten"),
    /** answered within T ÷ (offered − short abandons) — calls abandoned within the short-abandon time are left out. */
    ANSWERED_WITHIN_OF_OFFERED_LESS_SHORT_ABANDONS("angenommen ≤ T ÷ (angeboten − Kurzaufleger)");

    private final String formula;

    ServiceLevelVariant(String formula) {
        this.formula = formula;
    }

    /** The formula in German, as the report prints it next to the figure. */
    public String formula() {
        return formula;
    }
}
