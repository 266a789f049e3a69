package de.buergerservice.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Periodic jobs of every module ({@code @Scheduled}) run on Spring's task scheduler, which the context starts and
 * shuts down, instead of threads of their own.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {}
