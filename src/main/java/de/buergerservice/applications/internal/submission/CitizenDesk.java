package de.buergerservice.applications.internal.submission;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.applications.AddressPart;
import de.buergerservice.applications.FieldKind;
import de.buergerservice.applications.FieldProblem;
import de.buergerservice.applications.FormCatalog;
import de.buergerservice.applications.FormDefinition;
import de.buergerservice.applications.FormField;
import de.buergerservice.applications.FormInfo;
import de.buergerservice.applications.FormValidator;
import de.buergerservice.applications.SubmissionDesk;
import de.buergerservice.applications.UploadedFile;
import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeCatalog;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.shared.BerlinTime;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.InvalidFieldsException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The citizen's side of {@link SubmissionDesk}: the form's validator is the authority over the answers (the same
 * check for the portal and the public API); answers of fields hidden by their condition are not stored; the
 * submission goes to the department responsible for the form's service.
 */
@Service
@Transactional
class CitizenDesk implements SubmissionDesk {

    private final Submissions submissions;
    private final AttachmentStore store;
    private final FormCatalog forms;
    private final KnowledgeCatalog knowledge;
    private final TenantDirectory tenants;
    private final Clock clock;
    private final SubmissionRateLimit rateLimit;
    private final SubmissionProperties properties;

    CitizenDesk(
            Submissions submissions,
            AttachmentStore store,
            FormCatalog forms,
            KnowledgeCatalog knowledge,
            TenantDirectory tenants,
            Clock clock,
            SubmissionRateLimit rateLimit,
            SubmissionProperties properties) {
        this.rateLimit = rateLimit;
        this.properties = properties;
        this.submissions = submissions;
        this.store = store;
        this.forms = forms;
        this.knowledge = knowledge;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public java.util.OptionalLong admit(String clientAddress) {
        return rateLimit.tryAcquire(clientAddress);
    }

    @Override
    public long maxFileSize() {
        return properties.maxFileSize().toBytes();
    }

    @Override
    public long maxTotalSize() {
        return properties.maxTotalSize().toBytes();
    }

    @Override
    public UploadedFile upload(String fieldId, String fileName, byte[] content) {
        return store.store(fieldId, fileName, content);
    }

    @Override
    public List<FieldProblem> checkSection(FormDefinition form, String sectionId, Map<String, List<String>> answers) {
        Set<String> ids = new HashSet<>();
        form.sections().stream()
                .filter(section -> section.id().equals(sectionId))
                .flatMap(section -> section.fields().stream())
                .forEach(field -> ids.add(field.id()));
        return FormValidator.validate(form, answers, today()).stream()
                .filter(problem -> ids.contains(fieldOf(problem.fieldId())))
                .toList();
    }

    /** {@code anschrift.postalCode} belongs to field {@code anschrift}. */
    static String fieldOf(String inputId) {
        int dot = inputId.indexOf('.');
        return dot < 0 ? inputId : inputId.substring(0, dot);
    }

    @Override
    public SubmissionReceipt submit(
            UUID tenantId,
            FormDefinition form,
            Map<String, List<String>> answers,
            List<UploadedFile> files,
            String email) {
        tenants.findById(tenantId).orElseThrow(() -> new ResourceNotFoundException("tenant"));
        List<InvalidFieldsException.Error> errors = new ArrayList<>();
        for (FieldProblem problem : FormValidator.validate(form, answers, today())) {
            errors.add(new InvalidFieldsException.Error(problem.fieldId(), null, null, problem.message()));
        }
        Map<String, List<String>> kept = visibleAnswers(form, answers);
        List<Submissions.FieldFile> attached = new ArrayList<>();
        for (FormField field :
                form.fields().filter(f -> f.kind() == FieldKind.FILE).toList()) {
            for (String id : kept.getOrDefault(field.id(), List.of())) {
                Optional<UploadedFile> file =
                        files.stream().filter(f -> f.id().toString().equals(id)).findFirst();
                if (file.isEmpty() || !store.exists(file.get().id())) {
                    errors.add(new InvalidFieldsException.Error(
                            field.id(), "applications.attachment.missing", new Object[] {field.label()}, null));
                } else {
                    attached.add(new Submissions.FieldFile(field.id(), file.get()));
                }
            }
        }
        String address = email != null && !email.isBlank() ? email.strip() : firstEmail(form, kept);
        if (address == null) {
            errors.add(new InvalidFieldsException.Error("email", "applications.submission.emailRequired", null, null));
        } else if (!address.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}") || address.length() > 320) {
            errors.add(new InvalidFieldsException.Error("email", "applications.submission.emailInvalid", null, null));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        Optional<FormInfo> info = forms.find(tenantId, form.formKey());
        UUID serviceId = info.map(FormInfo::serviceId).orElse(null);
        UUID departmentId = serviceId == null
                ? null
                : knowledge
                        .find(tenantId, serviceId, Audience.STAFF)
                        .map(ServiceView::departmentId)
                        .orElse(null);
        Map<String, Object> stored = new LinkedHashMap<>(kept);
        SubmissionView view = submissions.receive(new Submissions.NewSubmission(
                tenantId,
                form.formKey(),
                form.version(),
                form.title(),
                serviceId,
                departmentId,
                address,
                stored,
                attached));
        return new SubmissionReceipt(view.id(), view.trackingCode(), view.email(), view.receivedAt());
    }

    /** The answers of the fields the citizen saw (conditions hold), nothing else the request carried. */
    static Map<String, List<String>> visibleAnswers(FormDefinition form, Map<String, List<String>> answers) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        form.fields()
                .filter(field -> field.kind().answerable())
                .filter(field -> FormValidator.isVisible(form, field, answers))
                .forEach(field -> {
                    List<String> keys = field.kind() == FieldKind.ADDRESS
                            ? java.util.Arrays.stream(AddressPart.values())
                                    .map(part -> part.key(field.id()))
                                    .toList()
                            : List.of(field.id());
                    for (String key : keys) {
                        List<String> values = answers.getOrDefault(key, List.of()).stream()
                                .filter(v -> v != null && !v.isBlank())
                                .map(String::strip)
                                .toList();
                        if (!values.isEmpty()) {
                            kept.put(key, values);
                        }
                    }
                });
        return kept;
    }

    static String firstEmail(FormDefinition form, Map<String, List<String>> answers) {
        return form.fields()
                .filter(field -> field.kind() == FieldKind.EMAIL)
                .map(field -> answers.getOrDefault(field.id(), List.of()))
                .filter(values -> !values.isEmpty())
                .map(values -> values.get(0))
                .findFirst()
                .orElse(null);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CitizenStatus> status(UUID tenantId, String trackingCode, String email) {
        return submissions.forCitizen(tenantId, trackingCode, email).map(CitizenDesk::citizen);
    }

    static CitizenStatus citizen(SubmissionView submission) {
        Submissions.CitizenView view = Submissions.citizenView(submission);
        return new CitizenStatus(
                view.trackingCode(),
                view.formTitle(),
                view.status(),
                view.receivedAt(),
                view.messages().stream()
                        .map(step -> new CitizenMessage(
                                step.at(),
                                step.fromCitizen(),
                                step.status(),
                                step.message(),
                                step.attachments().stream()
                                        .map(AttachmentView::fileName)
                                        .toList()))
                        .toList(),
                view.mayAnswer());
    }

    @Override
    public CitizenStatus answer(
            UUID tenantId, String trackingCode, String email, String text, List<UploadedFile> files) {
        for (UploadedFile file : files) {
            if (!store.exists(file.id())) {
                throw new InvalidFieldException("files", "applications.attachment.missing", file.fileName());
            }
        }
        return citizen(submissions.answerByCitizen(tenantId, trackingCode, email, text, files));
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] receipt(UUID tenantId, String trackingCode, String email) {
        SubmissionView submission = submissions
                .forCitizen(tenantId, trackingCode, email)
                .orElseThrow(() -> new ResourceNotFoundException("submission"));
        return SubmissionDocument.receipt(
                submission, tenants.findById(tenantId).orElseThrow().name(), lines(submission));
    }

    /** The answers with the labels of the submission's own form version. */
    List<AnswerLine> lines(SubmissionView submission) {
        Optional<FormDefinition> version =
                forms.version(submission.tenantId(), submission.formKey(), submission.formVersion());
        return AnswerLines.of(version, submission.answers(), submission.attachments());
    }

    /** The back office's PDF of a submission (the caller checked the user may see it). */
    byte[] exportPdf(SubmissionView submission) {
        return SubmissionDocument.export(
                submission,
                tenants.findById(submission.tenantId()).orElseThrow().name(),
                lines(submission));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BerlinTime.ZONE));
    }
}
