package de.buergerservice.tenancy.internal;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One row of an opening exception as stored; a row without times means closed all day. */
@Embeddable
record ExceptionInterval(
        @Column(name = "on_date", nullable = false) LocalDate date,
        LocalTime opens,
        LocalTime closes,
        @Column(length = 200) String note) {}
