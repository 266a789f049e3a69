package de.buergerservice.knowledge.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.buergerservice.knowledge.ServiceState;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.knowledge.internal.ImportReport;
import de.buergerservice.knowledge.internal.KnowledgeImports;
import de.buergerservice.knowledge.internal.KnowledgeProperties;
import de.buergerservice.knowledge.internal.KnowledgeService;
import de.buergerservice.knowledge.internal.OverrideData;
import de.buergerservice.knowledge.internal.OverrideEditing;
import de.buergerservice.knowledge.internal.ServiceData;
import de.buergerservice.knowledge.internal.ServiceEditing;
import de.buergerservice.knowledge.internal.ServiceWorkflow;
import de.buergerservice.knowledge.internal.Views.BulkOutcome;
import de.buergerservice.knowledge.internal.Views.Layers;
import de.buergerservice.knowledge.internal.Views.VersionInfo;
import de.buergerservice.knowledge.internal.Workflow;
import de.buergerservice.shared.BerlinTime;
import de.buergerservice.shared.security.TenantScope;
import de.buergerservice.shared.web.FormValidation;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.Notices;
import de.buergerservice.tenancy.DepartmentInfo;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * The editors' pages (German): list and filter, edit form, version history with diff, review dashboard and import.
 * Everybody who may see a tenant reads; the service refuses changes to all but editors and administrators.
 */
@Controller
@RequestMapping("/knowledge")
class KnowledgeEditorController {

    /**
     * The pages only editors can use: agents and other staff read, so they are not offered forms whose saving
     * would be refused.
     */
    static final String EDITORS = "hasAnyRole('EDITOR', 'ADMIN')";

    /** Services per page of the list. */
    static final int PAGE_SIZE = 50;

    static final int MAX_PAGE_SIZE = 500;

    /** Services per page of the review queue: a DLDB import of a city fits on one or two pages. */
    static final int REVIEW_PAGE_SIZE = 200;

    private final KnowledgeService knowledge;
    private final ServiceEditing editing;
    private final OverrideEditing overrides;
    private final ServiceWorkflow workflow;
    private final KnowledgeImports imports;
    private final KnowledgeProperties properties;
    private final TenantDirectory tenants;
    private final TenantScope scope;
    private final FormValidation validation;
    private final Notices notices;
    private final Clock clock;

    KnowledgeEditorController(
            KnowledgeService knowledge,
            ServiceEditing editing,
            OverrideEditing overrides,
            ServiceWorkflow workflow,
            KnowledgeImports imports,
            KnowledgeProperties properties,
            TenantDirectory tenants,
            TenantScope scope,
            FormValidation validation,
            Notices notices,
            Clock clock) {
        this.knowledge = knowledge;
        this.editing = editing;
        this.overrides = overrides;
        this.workflow = workflow;
        this.imports = imports;
        this.properties = properties;
        this.tenants = tenants;
        this.scope = scope;
        this.validation = validation;
        this.notices = notices;
        this.clock = clock;
    }

    @GetMapping
    String tenants(Model model) {
        List<TenantInfo> visible =
                tenants.findAll().stream().filter(t -> scope.permits(t.id())).toList();
        if (visible.size() == 1) {
            return "redirect:/knowledge/" + visible.get(0).slug();
        }
        model.addAttribute("tenants", visible);
        return "knowledge/tenants";
    }

    /**
     * The tenant's services: with a query, the hits of the knowledge search (ranked, with highlighted snippets,
     * typo-tolerant), else all by title; filtered by state and topic, a page at a time.
     */
    @GetMapping("/{slug}")
    String list(
            @PathVariable String slug,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) ServiceState state,
            @RequestParam(required = false) String topic,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "" + PAGE_SIZE) int size,
            Model model) {
        tenant(slug, model);
        String query = q == null || q.isBlank() ? null : q.strip();
        int pageSize = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        model.addAttribute("page", knowledge.page(slug, query, state, topic, page, pageSize));
        model.addAttribute("size", pageSize == PAGE_SIZE ? null : pageSize);
        model.addAttribute("q", query);
        model.addAttribute("topic", topic == null || topic.isBlank() ? null : topic);
        model.addAttribute("state", state);
        model.addAttribute("states", ServiceState.values());
        model.addAttribute("today", LocalDate.now(clock.withZone(BerlinTime.ZONE)));
        return "knowledge/list";
    }

    @GetMapping("/{slug}/dashboard")
    @PreAuthorize(EDITORS)
    String dashboard(@PathVariable String slug, Model model) {
        tenant(slug, model);
        model.addAttribute("dashboard", knowledge.dashboard(slug));
        return "knowledge/dashboard";
    }

    /**
     * The review queue: every service waiting for work or review, many at a time (an import brings hundreds), to
     * select and send to review or publish together.
     */
    @GetMapping("/{slug}/review")
    @PreAuthorize(EDITORS)
    String reviewQueue(@PathVariable String slug, @RequestParam(defaultValue = "1") int page, Model model) {
        tenant(slug, model);
        List<ServiceView> waiting = knowledge.waiting(slug);
        int pages = Math.max(1, (waiting.size() + REVIEW_PAGE_SIZE - 1) / REVIEW_PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        model.addAttribute(
                "waiting",
                waiting.stream()
                        .skip((long) (current - 1) * REVIEW_PAGE_SIZE)
                        .limit(REVIEW_PAGE_SIZE)
                        .toList());
        model.addAttribute("total", waiting.size());
        model.addAttribute("pageNumber", current);
        model.addAttribute("pages", pages);
        model.addAttribute("fourEyes", properties.fourEyes());
        return "knowledge/review";
    }

    /** Sends the selected services to review or publishes them; names each one that was refused, and why. */
    @PostMapping("/{slug}/review")
    @PreAuthorize(EDITORS)
    String reviewSelected(
            @PathVariable String slug,
            @RequestParam(name = "ids", required = false) List<UUID> ids,
            @RequestParam ServiceState state,
            Model model) {
        try {
            List<BulkOutcome> outcomes = workflow.transitionAll(slug, ids, state);
            model.addAttribute("outcomes", outcomes);
            model.addAttribute(
                    "moved", outcomes.stream().filter(BulkOutcome::done).count());
            model.addAttribute(
                    "refused", outcomes.stream().filter(o -> !o.done()).toList());
        } catch (InvalidFieldException e) {
            model.addAttribute("error", e);
        }
        return reviewQueue(slug, 1, model);
    }

    @GetMapping("/{slug}/services/{serviceId}")
    String detail(@PathVariable String slug, @PathVariable UUID serviceId, Model model) {
        tenant(slug, model);
        ServiceView service = knowledge.get(slug, serviceId);
        model.addAttribute("service", service);
        model.addAttribute("next", Workflow.next(service.state(), properties.fourEyes()));
        return "knowledge/detail";
    }

    @GetMapping("/{slug}/services/new")
    @PreAuthorize(EDITORS)
    String newForm(@PathVariable String slug, Model model) {
        tenant(slug, model);
        model.addAttribute("form", new ServiceForm());
        return "knowledge/form";
    }

    @PostMapping("/{slug}/services")
    @PreAuthorize(EDITORS)
    String create(
            @PathVariable String slug,
            @ModelAttribute("form") ServiceForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        return save(slug, null, form, errors, model, redirect);
    }

    @GetMapping("/{slug}/services/{serviceId}/edit")
    @PreAuthorize(EDITORS)
    String editForm(@PathVariable String slug, @PathVariable UUID serviceId, Model model) {
        tenant(slug, model);
        ServiceView service = knowledge.get(slug, serviceId);
        model.addAttribute("serviceId", serviceId);
        model.addAttribute("form", ServiceForm.of(service));
        // under the four-eyes rule a change to a published service waits for review as a working copy
        model.addAttribute("workingCopyHint", properties.fourEyes() && service.state() == ServiceState.PUBLISHED);
        return "knowledge/form";
    }

    @PostMapping("/{slug}/services/{serviceId}")
    @PreAuthorize(EDITORS)
    String update(
            @PathVariable String slug,
            @PathVariable UUID serviceId,
            @ModelAttribute("form") ServiceForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("serviceId", serviceId);
        return save(slug, serviceId, form, errors, model, redirect);
    }

    @PostMapping("/{slug}/services/{serviceId}/state")
    String transition(
            @PathVariable String slug,
            @PathVariable UUID serviceId,
            @RequestParam ServiceState state,
            RedirectAttributes redirect) {
        return onServicePage(slug, serviceId, redirect, () -> workflow.transition(slug, serviceId, state));
    }

    @PostMapping("/{slug}/services/{serviceId}/override/approve")
    String approveOverride(@PathVariable String slug, @PathVariable UUID serviceId, RedirectAttributes redirect) {
        return onServicePage(slug, serviceId, redirect, () -> overrides.approveOverride(slug, serviceId));
    }

    /** Runs a workflow step and goes back to the service page with "saved" or the reason it was refused. */
    private String onServicePage(String slug, UUID serviceId, RedirectAttributes redirect, Runnable step) {
        try {
            step.run();
            notices.success(redirect, "common.saved");
        } catch (ErrorResponseException refused) {
            notices.error(redirect, refused);
        }
        return "redirect:/knowledge/" + slug + "/services/" + serviceId;
    }

    @GetMapping("/{slug}/services/{serviceId}/override")
    @PreAuthorize(EDITORS)
    String overrideForm(@PathVariable String slug, @PathVariable UUID serviceId, Model model) {
        Layers layers = knowledge.layers(slug, serviceId);
        model.addAttribute("form", OverrideForm.of(layers.override(), layers.departmentId(), layers.internalNotes()));
        return overridePage(slug, serviceId, layers, model);
    }

    @PostMapping("/{slug}/services/{serviceId}/override")
    @PreAuthorize(EDITORS)
    String saveOverride(
            @PathVariable String slug,
            @PathVariable UUID serviceId,
            @ModelAttribute("form") OverrideForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        OverrideData data = form.toData();
        if (validation.check(data, errors, OverrideForm::fieldOf)) {
            try {
                overrides.setOverride(slug, serviceId, data);
                notices.success(redirect, "common.saved");
                return "redirect:/knowledge/" + slug + "/services/" + serviceId;
            } catch (InvalidFieldException e) {
                validation.reject(e, errors, OverrideForm::fieldOf);
            }
        }
        return overridePage(slug, serviceId, knowledge.layers(slug, serviceId), model);
    }

    @PostMapping("/{slug}/services/{serviceId}/override/delete")
    String removeOverride(@PathVariable String slug, @PathVariable UUID serviceId, RedirectAttributes redirect) {
        overrides.removeOverride(slug, serviceId);
        notices.success(redirect, "common.deleted");
        return "redirect:/knowledge/" + slug + "/services/" + serviceId;
    }

    private String overridePage(String slug, UUID serviceId, Layers layers, Model model) {
        tenant(slug, model);
        model.addAttribute("serviceId", serviceId);
        model.addAttribute("catalogue", layers.catalogue());
        model.addAttribute("inherited", OverrideForm.text(layers.catalogue()));
        model.addAttribute("fields", OverrideForm.FIELDS);
        model.addAttribute("exists", layers.exists());
        return "knowledge/override";
    }

    @GetMapping("/{slug}/services/{serviceId}/history")
    String history(
            @PathVariable String slug,
            @PathVariable UUID serviceId,
            @RequestParam(required = false) UUID from,
            @RequestParam(required = false) UUID to,
            Model model) {
        tenant(slug, model);
        model.addAttribute("service", knowledge.get(slug, serviceId));
        List<VersionInfo> versions = knowledge.history(slug, serviceId);
        model.addAttribute("versions", versions);
        // By default: the newest version against the one before it in the same layer (entry or local adaptation).
        UUID newer = to != null ? to : versions.get(0).id();
        UUID older = from != null
                ? from
                : versions.stream()
                        .skip(1)
                        .filter(v -> v.layer().equals(versions.get(0).layer()))
                        .map(VersionInfo::id)
                        .findFirst()
                        .orElse(null);
        model.addAttribute("from", older);
        model.addAttribute("to", newer);
        if (older != null) {
            model.addAttribute("diff", knowledge.diff(slug, serviceId, older, newer));
        }
        return "knowledge/history";
    }

    @GetMapping("/{slug}/imports")
    @PreAuthorize(EDITORS)
    String importForm(@PathVariable String slug, Model model) {
        tenant(slug, model);
        return "knowledge/import";
    }

    @PostMapping("/{slug}/imports")
    @PreAuthorize(EDITORS)
    String importFile(
            @PathVariable String slug,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam String format,
            @RequestParam(required = false) String target,
            @RequestParam(defaultValue = "false") boolean publish,
            Model model)
            throws IOException {
        tenant(slug, model);
        model.addAttribute("target", target);
        model.addAttribute("publish", publish);
        try {
            KnowledgeImports.Format parsed = KnowledgeImports.Format.parse(format);
            // the shared catalogue reaches every municipality: where the records go is chosen, never assumed
            if (target == null || !(target.equals("catalogue") || target.equals("tenant"))) {
                throw new InvalidFieldException("target", "validation.knowledge.importTargetRequired");
            }
            if (file == null || file.isEmpty()) {
                throw new InvalidFieldException("file", "validation.knowledge.emptyFile");
            }
            ImportReport report = imports.importNow(slug, parsed, target.equals("catalogue"), publish, file.getBytes());
            model.addAttribute("report", report);
        } catch (InvalidFieldException e) {
            model.addAttribute("error", e);
        }
        return "knowledge/import";
    }

    private String save(
            String slug,
            UUID serviceId,
            ServiceForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant(slug, model);
        ServiceData data = form.toData();
        if (!validation.check(data, errors, FormValidation::topLevel)) {
            return "knowledge/form";
        }
        ServiceView saved;
        try {
            saved = serviceId == null ? editing.create(slug, data) : editing.update(slug, serviceId, data);
        } catch (InvalidFieldException e) {
            validation.reject(e, errors, FormValidation::topLevel);
            return "knowledge/form";
        } catch (ErrorResponseException refused) {
            errors.reject(
                    refused.getDetailMessageCode(),
                    refused.getDetailMessageArguments(),
                    refused.getDetailMessageCode());
            return "knowledge/form";
        }
        notices.success(redirect, "common.saved");
        return "redirect:/knowledge/" + slug + "/services/" + saved.id();
    }

    private void tenant(String slug, Model model) {
        TenantInfo tenant = knowledge.tenant(slug);
        List<DepartmentInfo> departments = tenants.departmentsOf(tenant.id());
        model.addAttribute("tenant", tenant);
        model.addAttribute("editor", knowledge.editor());
        model.addAttribute("departments", departments);
        model.addAttribute(
                "departmentNames",
                departments.stream().collect(Collectors.toMap(DepartmentInfo::id, DepartmentInfo::name)));
        model.addAttribute(
                "otherTenants",
                tenants.findAll().stream()
                        .filter(t -> scope.permits(t.id()) && !t.id().equals(tenant.id()))
                        .toList());
    }
}
