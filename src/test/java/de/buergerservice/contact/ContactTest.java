package de.buergerservice.contact;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.RecordApplicationEvents;

import de.buergerservice.IntegrationTest;

/**
 * The contact tests' own application context (shared by them): they put the demo agents' phones on and off and
 * take calls, which must not leak into the telephony tests' context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@RecordApplicationEvents
@Import(Calls.class)
@TestPropertySource(properties = "buergerservice.test.context=contact")
public @interface ContactTest {}
