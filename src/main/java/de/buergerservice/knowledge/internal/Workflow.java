package de.buergerservice.knowledge.internal;

import java.util.EnumSet;
import java.util.Set;

import de.buergerservice.knowledge.ServiceState;

/**
 * The editorial workflow: DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED, with the way back to DRAFT from each. Without
 * the four-eyes rule an editor may publish a draft directly.
 */
public final class Workflow {

    private Workflow() {}

    public static Set<ServiceState> next(ServiceState from, boolean fourEyes) {
        return switch (from) {
            case DRAFT ->
                fourEyes
                        ? EnumSet.of(ServiceState.IN_REVIEW, ServiceState.ARCHIVED)
                        : EnumSet.of(ServiceState.IN_REVIEW, ServiceState.PUBLISHED, ServiceState.ARCHIVED);
            case IN_REVIEW -> EnumSet.of(ServiceState.PUBLISHED, ServiceState.DRAFT);
            case PUBLISHED -> EnumSet.of(ServiceState.DRAFT, ServiceState.ARCHIVED);
            case ARCHIVED -> EnumSet.of(ServiceState.DRAFT);
        };
    }

    static boolean allowed(ServiceState from, ServiceState to, boolean fourEyes) {
        return next(from, fourEyes).contains(to);
    }
}
