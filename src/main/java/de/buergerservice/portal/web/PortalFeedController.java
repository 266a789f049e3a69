package de.buergerservice.portal.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import de.buergerservice.knowledge.KnowledgeHit;
import de.buergerservice.knowledge.ServiceLink;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.portal.internal.PageCache;
import de.buergerservice.portal.internal.PortalContent;
import de.buergerservice.portal.internal.RenderedPage;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.tenancy.DepartmentInfo;
import de.buergerservice.tenancy.TenantInfo;

/**
 * The JSON feed for municipalities that keep their own CMS (and for the widget): what is published, no login,
 * readable from any origin (CORS for GET, credentials never), with ETag/If-None-Match and Last-Modified so a CMS
 * that polls gets 304 until something is published. Errors are problem+json in German.
 */
@RestController
@RequestMapping("/api/public/v1/{slug}")
@CrossOrigin(
        origins = "*",
        methods = RequestMethod.GET,
        allowCredentials = "false",
        exposedHeaders = {HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED},
        maxAge = 3600)
class PortalFeedController {

    /** A service in the list: enough to link to it. */
    record ServiceSummary(UUID id, String title, String summary, List<String> topics, String url, Instant updatedAt) {}

    record Department(UUID id, String name, String email, String phoneExtension, String url) {}

    record Municipality(String slug, String name, String url, List<String> phoneNumbers) {}

    record ServiceList(Municipality municipality, List<ServiceSummary> services) {}

    record Hit(UUID id, String title, String snippet, String url) {}

    record SearchAnswer(Municipality municipality, String query, long total, List<Hit> hits) {}

    /** One service as published; {@code bodyHtml} is the sanitised HTML the portal shows. */
    record ServiceDetail(
            UUID id,
            String title,
            String leikaKey,
            String summary,
            String bodyHtml,
            List<String> requiredDocuments,
            String fees,
            String deadlines,
            String processingTime,
            String legalBasis,
            String onlineServiceUrl,
            List<ServiceLink> forms,
            List<ServiceLink> links,
            List<String> topics,
            Department department,
            String url,
            Instant updatedAt) {}

    private final PortalContent content;
    private final PortalPageSupport pages;
    private final PageCache cache;
    private final JsonMapper json;

    PortalFeedController(PortalContent content, PortalPageSupport pages, PageCache cache, JsonMapper json) {
        this.content = content;
        this.pages = pages;
        this.cache = cache;
        this.json = json;
    }

    /** Every published service, by title; with {@code q} the citizens' search instead. */
    @GetMapping(path = "/services", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> services(@PathVariable String slug, @RequestParam(name = "q", required = false) String q) {
        TenantInfo tenant = tenant(slug);
        var catalogue = content.catalogue(tenant.id());
        if (q != null) {
            String query = PortalPageController.normalised(q);
            if (query.isEmpty() || query.length() > PortalPageController.MAX_QUERY) {
                throw new InvalidFieldException("q", "portal.validation.query");
            }
            return send(content.generationKey(tenant.id()) + "|feed-search|" + query, catalogue.readAt(), () -> {
                var result = content.search(tenant.id(), query, PortalPageController.HITS);
                return new SearchAnswer(
                        municipality(tenant),
                        query,
                        result.totalHits(),
                        result.hits().stream().map(h -> hit(tenant, h)).toList());
            });
        }
        return send(
                content.generationKey(tenant.id()) + "|feed-list",
                catalogue.readAt(),
                () -> new ServiceList(
                        municipality(tenant),
                        catalogue.services().stream()
                                .map(s -> new ServiceSummary(
                                        s.id(),
                                        s.title(),
                                        s.summary(),
                                        s.topics(),
                                        pages.url(tenant, "leistungen/" + s.id()),
                                        s.updatedAt()))
                                .toList()));
    }

    @GetMapping(path = "/services/{serviceId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> service(@PathVariable String slug, @PathVariable String serviceId) {
        TenantInfo tenant = tenant(slug);
        var catalogue = content.catalogue(tenant.id());
        UUID id;
        try {
            id = UUID.fromString(serviceId);
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFoundException("knowledgeService");
        }
        ServiceView s = catalogue.find(id).orElseThrow(() -> new ResourceNotFoundException("knowledgeService"));
        return send(content.generationKey(tenant.id()) + "|feed-service|" + id, catalogue.readAt(), () -> {
            Optional<DepartmentInfo> d =
                    s.departmentId() == null ? Optional.empty() : content.department(tenant.id(), s.departmentId());
            return new ServiceDetail(
                    s.id(),
                    s.title(),
                    s.leikaKey(),
                    s.summary(),
                    s.body(),
                    s.requiredDocuments(),
                    s.fees(),
                    s.deadlines(),
                    s.processingTime(),
                    s.legalBasis(),
                    s.onlineServiceUrl(),
                    s.forms(),
                    s.links(),
                    s.topics(),
                    d.map(x -> new Department(
                                    x.id(),
                                    x.name(),
                                    x.email(),
                                    x.phoneExtension(),
                                    pages.url(tenant, "fachbereiche/" + x.id())))
                            .orElse(null),
                    pages.url(tenant, "leistungen/" + s.id()),
                    s.updatedAt());
        });
    }

    private TenantInfo tenant(String slug) {
        return content.tenant(slug).orElseThrow(() -> new ResourceNotFoundException("tenant"));
    }

    private Municipality municipality(TenantInfo tenant) {
        return new Municipality(tenant.slug(), tenant.name(), pages.url(tenant, ""), tenant.phoneNumbers());
    }

    private Hit hit(TenantInfo tenant, KnowledgeHit h) {
        return new Hit(h.id(), h.title(), h.snippet(), pages.url(tenant, "leistungen/" + h.id()));
    }

    private ResponseEntity<byte[]> send(String key, Instant lastModified, java.util.function.Supplier<Object> body) {
        RenderedPage page = cache.get(
                key,
                () -> RenderedPage.of(
                        json.writeValueAsString(body.get()), MediaType.APPLICATION_JSON_VALUE, lastModified));
        return PortalPageSupport.send(page);
    }
}
