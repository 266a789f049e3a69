package de.buergerservice.knowledge.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Settings of the knowledge module.
 *
 * @param fourEyes whether the person who last changed an article may not publish it (default on)
 * @param importFile a file to import at start-up (command-line import), none by default
 * @param importTenant the tenant's slug the start-up import goes to; empty = the shared catalogue
 * @param importFormat {@code dldb} or {@code csv}; empty = by file extension (.json = dldb)
 * @param importExit whether the application ends after the start-up import (command-line use)
 * @param importPublish whether the start-up import publishes its records at once instead of sending them to review
 */
@ConfigurationProperties("buergerservice.knowledge")
public record KnowledgeProperties(
        @DefaultValue("true") boolean fourEyes,
        @Name("import") String importFile,
        String importTenant,
        String importFormat,
        boolean importExit,
        boolean importPublish) {}
