package de.buergerservice.tenancy.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One row of the weekly schedule as stored. */
@Embeddable
record WeeklyInterval(
        @Enumerated(EnumType.STRING) @Column(name = "day_of_week", nullable = false, length = 9)
        DayOfWeek dayOfWeek,

        @Column(nullable = false) LocalTime opens,
        @Column(nullable = false) LocalTime closes) {}
