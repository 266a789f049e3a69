package de.buergerservice.shared.privacy;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How long each kind of personal data is kept: {@code buergerservice.retention.<kind>} (a Spring Boot duration such
 * as {@code 90d} or {@code 12h}), else the task's default. A period of zero or less is a configuration error: it would
 * erase data the moment it is written, so the job refuses to run rather than guess.
 */
@Component
public class RetentionPolicy {

    static final String PREFIX = "buergerservice.retention.";
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final Binder binder;

    public RetentionPolicy(Environment environment) {
        this.binder = Binder.get(environment);
    }

    public Duration period(String kind, Duration defaultPeriod) {
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("retention kind must be kebab case: " + kind);
        }
        Duration period = binder.bind(PREFIX + kind, Duration.class).orElse(defaultPeriod);
        if (period.isZero() || period.isNegative()) {
            throw new IllegalStateException(PREFIX + kind + " must be longer than zero, not " + period);
        }
        return period;
    }

    public Duration period(RetentionTask task) {
        return period(task.kind(), task.defaultPeriod());
    }
}
