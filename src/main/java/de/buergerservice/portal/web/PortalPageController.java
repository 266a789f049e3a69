package de.buergerservice.portal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import de.buergerservice.applications.FormCatalog;
import de.buergerservice.applications.FormInfo;
import de.buergerservice.knowledge.KnowledgeSearchResult;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.portal.internal.Branding;
import de.buergerservice.portal.internal.PortalContent;
import de.buergerservice.portal.internal.RenderedPage;
import de.buergerservice.tenancy.DepartmentInfo;
import de.buergerservice.tenancy.TenantInfo;

/**
 * The citizens' pages of one municipality: home, services A–Z, search, service (and its print view), departments,
 * the accessibility statement and the BITV start-page items (Leichte Sprache, Gebärdensprache), sitemap and the
 * branding stylesheet. Server-rendered, complete without JavaScript, German. Each page is rendered once per content
 * generation and served from memory with ETag and Last-Modified.
 */
@Controller
class PortalPageController {

    /** Longest search text the portal runs: far above any real question, far below what slows the index. */
    static final int MAX_QUERY = 200;

    static final int HITS = 20;

    private final PortalPageSupport pages;
    private final PortalContent content;
    private final JsonLd jsonLd;
    private final FormCatalog forms;

    PortalPageController(PortalPageSupport pages, PortalContent content, JsonLd jsonLd, FormCatalog forms) {
        this.pages = pages;
        this.content = content;
        this.jsonLd = jsonLd;
        this.forms = forms;
    }

    @GetMapping("/{slug}")
    String withoutSlash(@PathVariable String slug) {
        return "redirect:/" + pages.tenant(slug).slug() + "/";
    }

    @GetMapping("/{slug}/")
    ResponseEntity<byte[]> home(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) {
        TenantInfo tenant = pages.tenant(slug);
        return pages.html(
                pages.key(tenant, "home"),
                "portal/home",
                () -> {
                    var model = pages.model(
                            tenant,
                            "",
                            tenant.name(),
                            "Bürgerservice " + tenant.name()
                                    + ": Leistungen von A bis Z, Suche, Kontakt und Öffnungszeiten.");
                    var catalogue = content.catalogue(tenant.id());
                    Branding brand = pages.branding.of(tenant.id());
                    List<ServiceView> featured = brand.featuredServices().stream()
                            .map(catalogue::find)
                            .flatMap(Optional::stream)
                            .toList();
                    model.put("featured", featured);
                    model.put("serviceCount", catalogue.services().size());
                    return model;
                },
                request,
                response);
    }

    @GetMapping("/{slug}/leistungen")
    ResponseEntity<byte[]> services(
            @PathVariable String slug, HttpServletRequest request, HttpServletResponse response) {
        TenantInfo tenant = pages.tenant(slug);
        return pages.html(
                pages.key(tenant, "a-z"),
                "portal/services",
                () -> {
                    var model = pages.model(
                            tenant,
                            "leistungen",
                            "Leistungen von A bis Z",
                            "Alle Leistungen von " + tenant.name() + " von A bis Z.");
                    Map<String, List<ServiceView>> byLetter = new LinkedHashMap<>();
                    for (ServiceView service : content.catalogue(tenant.id()).services()) {
                        byLetter.computeIfAbsent(letterOf(service.title()), l -> new ArrayList<>())
                                .add(service);
                    }
                    model.put("byLetter", byLetter);
                    return model;
                },
                request,
                response);
    }

    @GetMapping("/{slug}/leistungen/{serviceId}")
    ResponseEntity<byte[]> service(
            @PathVariable String slug,
            @PathVariable String serviceId,
            HttpServletRequest request,
            HttpServletResponse response) {
        return servicePage(slug, serviceId, "portal/service", "", request, response);
    }

    @GetMapping("/{slug}/leistungen/{serviceId}/druck")
    ResponseEntity<byte[]> print(
            @PathVariable String slug,
            @PathVariable String serviceId,
            HttpServletRequest request,
            HttpServletResponse response) {
        return servicePage(slug, serviceId, "portal/service-print", "/druck", request, response);
    }

    private ResponseEntity<byte[]> servicePage(
            String slug,
            String serviceId,
            String template,
            String suffix,
            HttpServletRequest request,
            HttpServletResponse response) {
        TenantInfo tenant = pages.tenant(slug);
        UUID id = PortalPageSupport.id(serviceId, "service");
        ServiceView service =
                content.catalogue(tenant.id()).find(id).orElseThrow(() -> new PortalNotFoundException("service"));
        // the service's online forms: part of the cache key, so publishing a form shows on the page at once
        List<FormInfo> onlineForms = forms.forService(tenant.id(), id);
        String formsKey = onlineForms.stream()
                .map(f -> f.formKey() + "@" + f.publishedVersion())
                .collect(java.util.stream.Collectors.joining(","));
        return pages.html(
                pages.key(tenant, "service:" + id + suffix + "|" + formsKey),
                template,
                () -> {
                    var model = pages.model(
                            tenant,
                            "leistungen/" + id,
                            service.title(),
                            service.summary() == null ? service.title() : abbreviate(service.summary(), 155));
                    Optional<DepartmentInfo> department = service.departmentId() == null
                            ? Optional.empty()
                            : content.department(tenant.id(), service.departmentId());
                    model.put("service", service);
                    model.put("onlineForms", onlineForms);
                    model.put("department", department.orElse(null));
                    model.put("jsonLd", jsonLd.governmentService(tenant, service, department, pages));
                    return model;
                },
                request,
                response);
    }

    @GetMapping("/{slug}/suche")
    ResponseEntity<byte[]> search(
            @PathVariable String slug,
            @RequestParam(name = "q", required = false) String q,
            HttpServletRequest request,
            HttpServletResponse response) {
        TenantInfo tenant = pages.tenant(slug);
        String query = normalised(q);
        if (query.length() > MAX_QUERY) {
            // the page says so at the field; the text itself is not shown again, nor searched
            var model = pages.model(tenant, "suche", "Suche", "Suche in den Leistungen von " + tenant.name());
            model.put("query", "");
            model.put("error", "Bitte kürzen Sie Ihre Suche auf höchstens " + MAX_QUERY + " Zeichen.");
            String html = pages.renderer.render("portal/search", model, request, response);
            return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                    .contentType(PortalPageSupport.HTML)
                    .cacheControl(CacheControl.noStore())
                    .body(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return pages.html(
                pages.key(tenant, "search:" + query),
                "portal/search",
                () -> {
                    var model = pages.model(
                            tenant,
                            "suche",
                            query.isEmpty() ? "Suche" : "Suche: " + query,
                            "Suche in den Leistungen von " + tenant.name());
                    model.put("query", query);
                    if (!query.isEmpty()) {
                        KnowledgeSearchResult result = content.search(tenant.id(), query, HITS);
                        model.put("result", result);
                    }
                    return model;
                },
                request,
                response);
    }

    @GetMapping("/{slug}/fachbereiche")
    ResponseEntity<byte[]> departments(
            @PathVariable String slug, HttpServletRequest request, HttpServletResponse response) {
        TenantInfo tenant = pages.tenant(slug);
        return pages.html(
                pages.key(tenant, "departments"),
                "portal/departments",
                () -> {
                    var model = pages.model(
                            tenant,
                            "fachbereiche",
                            "Fachbereiche",
                            "Fachbereiche von " + tenant.name() + " und ihr Kontakt.");
                    model.put("departments", content.departments(tenant.id()));
                    return model;
                },
                request,
                response);
    }

    @GetMapping("/{slug}/fachbereiche/{departmentId}")
    ResponseEntity<byte[]> department(
            @PathVariable String slug,
            @PathVariable String departmentId,
            HttpServletRequest request,
            HttpServletResponse response) {
        TenantInfo tenant = pages.tenant(slug);
        UUID id = PortalPageSupport.id(departmentId, "department");
        DepartmentInfo department =
                content.department(tenant.id(), id).orElseThrow(() -> new PortalNotFoundException("department"));
        return pages.html(
                pages.key(tenant, "department:" + id),
                "portal/department",
                () -> {
                    var model = pages.model(
                            tenant,
                            "fachbereiche/" + id,
                            department.name(),
                            department.name() + " – " + tenant.name() + ": Kontakt und Leistungen.");
                    model.put("department", department);
                    model.put(
                            "services",
                            content.catalogue(tenant.id()).services().stream()
                                    .filter(s -> Objects.equals(s.departmentId(), id))
                                    .toList());
                    return model;
                },
                request,
                response);
    }

    @GetMapping("/{slug}/barrierefreiheit")
    ResponseEntity<byte[]> accessibility(
            @PathVariable String slug, HttpServletRequest request, HttpServletResponse response) {
        return simplePage(
                slug, "barrierefreiheit", "Erklärung zur Barrierefreiheit", "portal/accessibility", request, response);
    }

    @GetMapping("/{slug}/leichte-sprache")
    ResponseEntity<byte[]> easyLanguage(
            @PathVariable String slug, HttpServletRequest request, HttpServletResponse response) {
        return simplePage(slug, "leichte-sprache", "Leichte Sprache", "portal/easy-language", request, response);
    }

    @GetMapping("/{slug}/gebaerdensprache")
    ResponseEntity<byte[]> signLanguage(
            @PathVariable String slug, HttpServletRequest request, HttpServletResponse response) {
        return simplePage(slug, "gebaerdensprache", "Gebärdensprache", "portal/sign-language", request, response);
    }

    private ResponseEntity<byte[]> simplePage(
            String slug,
            String path,
            String title,
            String template,
            HttpServletRequest request,
            HttpServletResponse response) {
        TenantInfo tenant = pages.tenant(slug);
        return pages.html(
                pages.key(tenant, path),
                template,
                () -> pages.model(tenant, path, title, title + " – " + tenant.name()),
                request,
                response);
    }

    /** Every page of the municipality that a search engine should know: home, A–Z, services, departments. */
    @GetMapping("/{slug}/sitemap.xml")
    ResponseEntity<byte[]> sitemap(@PathVariable String slug) {
        TenantInfo tenant = pages.tenant(slug);
        var catalogue = content.catalogue(tenant.id());
        RenderedPage page = pages.pages.get(content.generationKey(tenant.id()) + "|sitemap", () -> {
            StringBuilder xml = new StringBuilder(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            for (String path : List.of("", "leistungen", "fachbereiche", "kontakt", "barrierefreiheit")) {
                url(xml, pages.url(tenant, path), null);
            }
            catalogue.services().forEach(s -> url(xml, pages.url(tenant, "leistungen/" + s.id()), s.updatedAt()));
            content.departments(tenant.id()).forEach(d -> url(xml, pages.url(tenant, "fachbereiche/" + d.id()), null));
            xml.append("</urlset>\n");
            return RenderedPage.of(
                    xml.toString(), MediaType.APPLICATION_XML_VALUE + ";charset=UTF-8", catalogue.readAt());
        });
        return PortalPageSupport.send(page);
    }

    /** The municipality's colour as a stylesheet: the Content-Security-Policy allows no inline styles. */
    @GetMapping("/{slug}/marke.css")
    ResponseEntity<byte[]> brandStylesheet(@PathVariable String slug) {
        TenantInfo tenant = pages.tenant(slug);
        Branding brand = pages.branding.of(tenant.id());
        RenderedPage page = RenderedPage.of(
                ":root { --primary: " + brand.primaryColour() + "; }\n",
                "text/css;charset=UTF-8",
                brand.updatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        return PortalPageSupport.send(page);
    }

    @GetMapping("/{slug}/logo")
    ResponseEntity<byte[]> logo(@PathVariable String slug) {
        TenantInfo tenant = pages.tenant(slug);
        var logo = pages.branding.logo(tenant.id()).orElseThrow(() -> new PortalNotFoundException("logo"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(logo.type()))
                .cacheControl(PortalPageSupport.REVALIDATE)
                .lastModified(logo.updatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .body(logo.image());
    }

    private static void url(StringBuilder xml, String loc, java.time.Instant lastModified) {
        xml.append("  <url><loc>")
                .append(org.springframework.web.util.HtmlUtils.htmlEscape(loc))
                .append("</loc>");
        if (lastModified != null) {
            xml.append("<lastmod>")
                    .append(lastModified.atZone(java.time.ZoneOffset.UTC).toLocalDate())
                    .append("</lastmod>");
        }
        xml.append("</url>\n");
    }

    /** The search text as the index gets it: control characters dropped, white space collapsed. */
    static String normalised(String q) {
        if (q == null) {
            return "";
        }
        return q.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
    }

    static String letterOf(String title) {
        String first = title.isEmpty() ? "#" : title.substring(0, 1).toUpperCase(Locale.GERMAN);
        return switch (first) {
            case "Ä" -> "A";
            case "Ö" -> "O";
            case "Ü" -> "U";
            default -> Character.isLetter(first.charAt(0)) ? first : "#";
        };
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }
}
