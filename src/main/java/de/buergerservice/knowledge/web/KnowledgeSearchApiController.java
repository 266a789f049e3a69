package de.buergerservice.knowledge.web;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeSearch;
import de.buergerservice.knowledge.KnowledgeSearchResult;
import de.buergerservice.knowledge.internal.search.SearchLog;
import de.buergerservice.knowledge.internal.search.SynonymService;
import de.buergerservice.shared.web.InvalidFieldException;

/**
 * Knowledge search of one municipality: {@code GET /api/v1/tenants/{slug}/knowledge/search?q=…&limit=…}, and
 * {@code POST …/search/clicks} when a hit is opened, so that searches nobody found an answer for can be listed.
 */
@RestController
@RequestMapping("/api/v1/tenants/{slug}/knowledge/search")
class KnowledgeSearchApiController {

    static final int MAX_QUERY_LENGTH = 200;
    static final int MAX_LIMIT = 100;

    private final KnowledgeSearch search;
    private final SynonymService tenants;
    private final SearchLog searchLog;

    KnowledgeSearchApiController(KnowledgeSearch search, SynonymService tenants, SearchLog searchLog) {
        this.search = search;
        this.tenants = tenants;
        this.searchLog = searchLog;
    }

    /** What a click reports: the query as it was searched and the service opened from its result. */
    record SearchClick(String query, UUID serviceId) {}

    @GetMapping
    KnowledgeSearchResult search(
            @PathVariable String slug,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(defaultValue = "STAFF") Audience audience) {
        requireQuery("q", q);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "knowledge.search.limit.range", 1, MAX_LIMIT);
        }
        UUID tenantId = tenants.visibleTenant(slug).id();
        return search.search(tenantId, q.strip(), limit, audience);
    }

    @PostMapping("/clicks")
    ResponseEntity<Void> click(@PathVariable String slug, @RequestBody SearchClick click) {
        requireQuery("query", click.query());
        if (click.serviceId() == null) {
            throw new InvalidFieldException("serviceId", "validation.required");
        }
        searchLog.clicked(tenants.visibleTenant(slug).id(), click.query(), click.serviceId());
        return ResponseEntity.noContent().build();
    }

    private static void requireQuery(String field, String query) {
        if (query == null || query.isBlank()) {
            throw new InvalidFieldException(field, "knowledge.search.query.required");
        }
        if (query.strip().length() > MAX_QUERY_LENGTH) {
            throw new InvalidFieldException(field, "knowledge.search.query.tooLong", MAX_QUERY_LENGTH);
        }
    }
}
