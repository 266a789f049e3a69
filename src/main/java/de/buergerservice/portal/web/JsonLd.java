package de.buergerservice.portal.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.portal.internal.Branding;
import de.buergerservice.tenancy.DepartmentInfo;
import de.buergerservice.tenancy.TenantInfo;

/**
 * schema.org {@code GovernmentService} of a service page, as JSON-LD. Written into a {@code <script
 * type="application/ld+json">} data block, so every {@code <}, {@code >} and {@code &} is escaped: a title cannot
 * close the block.
 */
@Component
class JsonLd {

    private final JsonMapper json;

    JsonLd(JsonMapper json) {
        this.json = json;
    }

    String governmentService(
            TenantInfo tenant, ServiceView service, Optional<DepartmentInfo> department, PortalPageSupport pages) {
        Branding brand = pages.branding.of(tenant.id());
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("@type", "GovernmentOrganization");
        provider.put(
                "name", department.map(d -> d.name() + " – " + tenant.name()).orElse(tenant.name()));
        provider.put("url", pages.url(tenant, ""));
        if (!tenant.phoneNumbers().isEmpty()) {
            provider.put("telephone", tenant.phoneNumbers().get(0));
        }
        department.map(DepartmentInfo::email).ifPresent(email -> provider.put("email", email));
        if (brand.address() != null) {
            provider.put("address", brand.address());
        }
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "GovernmentService");
        ld.put("name", service.title());
        if (service.summary() != null) {
            ld.put("description", service.summary());
        }
        ld.put("url", pages.url(tenant, "leistungen/" + service.id()));
        if (service.leikaKey() != null) {
            ld.put("identifier", service.leikaKey());
        }
        if (!service.topics().isEmpty()) {
            ld.put("serviceType", service.topics().get(0));
        }
        ld.put("provider", provider);
        ld.put("areaServed", Map.of("@type", "AdministrativeArea", "name", tenant.name()));
        if (service.onlineServiceUrl() != null) {
            ld.put("availableChannel", Map.of("@type", "ServiceChannel", "serviceUrl", service.onlineServiceUrl()));
        }
        return json.writeValueAsString(ld)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026");
    }
}
