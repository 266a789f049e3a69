package de.buergerservice.contact;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** {@link Calls} for tests of other modules that drive the agent's desk (the back office's browser test). */
@TestConfiguration(proxyBeanMethods = false)
@Import({Calls.class, CallsAccess.class})
public class DeskCalls {}
