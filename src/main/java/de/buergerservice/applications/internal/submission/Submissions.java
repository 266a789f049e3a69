package de.buergerservice.applications.internal.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import de.buergerservice.applications.SubmissionReceived;
import de.buergerservice.applications.SubmissionStatus;
import de.buergerservice.applications.SubmissionStatusChanged;
import de.buergerservice.applications.UploadedFile;
import de.buergerservice.shared.security.TenantScope;
import de.buergerservice.shared.web.ConflictException;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * The submissions: received from citizens (no login: the portal and the public API, after the form's validator
 * accepted the answers), looked up by the citizen with tracking code and e-mail address, and processed by the
 * municipality's back office. Every back-office read and change is limited to the municipalities the user sees
 * ({@link TenantScope}); a foreign submission is not found. Each change writes a line of history and publishes
 * {@link SubmissionStatusChanged} in its transaction, from which the back office mails the citizen.
 */
@Service
@Transactional
public class Submissions {

    /** Who reads submissions: the municipality's back office and management, and the ServiceCenter's lead. */
    public static final String READ = "hasAnyRole('BACKOFFICE', 'MANAGEMENT', 'ADMIN', 'SUPERVISOR')";
    /** Who processes them: the back office (and an administrator). */
    public static final String WORK = "hasAnyRole('BACKOFFICE', 'ADMIN')";

    static final String CITIZEN = "Antragsteller/in";

    private static final TypeReference<LinkedHashMap<String, Object>> ANSWERS = new TypeReference<>() {};

    /** A new submission, already validated against its form version. */
    public record NewSubmission(
            UUID tenantId,
            String formKey,
            int formVersion,
            String formTitle,
            UUID serviceId,
            UUID departmentId,
            String email,
            Map<String, Object> answers,
            List<FieldFile> files) {}

    /** A stored upload and the form field it was given for (null: an answer's attachment). */
    public record FieldFile(String fieldKey, UploadedFile file) {}

    /** What the citizen sees with tracking code and e-mail address. */
    public record CitizenView(
            String trackingCode,
            String formTitle,
            SubmissionStatus status,
            Instant receivedAt,
            List<StepView> messages,
            boolean mayAnswer) {}

    /** The back office's filter; each part may be null. */
    public record Filter(String tenant, SubmissionStatus status, String formKey) {}

    private final SubmissionRepository submissions;
    private final SubmissionStepRepository steps;
    private final AttachmentRepository attachments;
    private final AttachmentStore store;
    private final SubmissionProperties properties;
    private final TenantDirectory tenants;
    private final TenantScope scope;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final String portalBaseUrl;

    Submissions(
            SubmissionRepository submissions,
            SubmissionStepRepository steps,
            AttachmentRepository attachments,
            AttachmentStore store,
            SubmissionProperties properties,
            TenantDirectory tenants,
            TenantScope scope,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock,
            @Value("${buergerservice.portal.base-url:http://localhost:8080}") String portalBaseUrl) {
        this.submissions = submissions;
        this.steps = steps;
        this.attachments = attachments;
        this.store = store;
        this.properties = properties;
        this.tenants = tenants;
        this.scope = scope;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.portalBaseUrl = portalBaseUrl.replaceAll("/+$", "");
    }

    /**
     * Stores a submission with a new tracking code and its attachments, and publishes {@link SubmissionReceived}.
     * The files must have been checked and stored by {@link AttachmentStore}; together they may not exceed {@link
     * SubmissionProperties#maxTotalSize()}. Called for a citizen (no login).
     */
    public SubmissionView receive(NewSubmission data) {
        checkTotal(data.files().stream().mapToLong(f -> f.file().size()).sum(), "files");
        TenantInfo tenant =
                tenants.findById(data.tenantId()).orElseThrow(() -> new ResourceNotFoundException("tenant"));
        Instant now = clock.instant();
        Submission submission = submissions.save(new Submission(
                tenant.id(),
                data.formKey(),
                data.formVersion(),
                data.formTitle(),
                data.serviceId(),
                data.departmentId(),
                uniqueTrackingCode(),
                data.email().strip(),
                json.writeValueAsString(data.answers()),
                now));
        SubmissionStep received = steps.save(new SubmissionStep(submission, now, CITIZEN, true, null));
        for (FieldFile file : data.files()) {
            attachments.save(new Attachment(submission, received.getId(), file.fieldKey(), file.file(), now));
        }
        events.publishEvent(new SubmissionReceived(
                submission.getId(),
                tenant.id(),
                submission.getDepartmentId(),
                submission.getServiceId(),
                submission.getFormKey(),
                submission.getFormVersion(),
                submission.getFormTitle(),
                submission.getTrackingCode(),
                submission.getEmail(),
                statusUrl(tenant),
                "/backoffice/antraege/" + submission.getId(),
                now));
        return view(submission, tenant);
    }

    private String uniqueTrackingCode() {
        for (int attempt = 0; attempt < 10; attempt++) {
            String code = TrackingCodes.next();
            if (!submissions.existsByTrackingCode(code)) {
                return code;
            }
        }
        throw new IllegalStateException("No free tracking code after 10 attempts");
    }

    private void checkTotal(long bytes, String field) {
        if (bytes > properties.maxTotalSize().toBytes()) {
            throw new InvalidFieldException(
                    field,
                    "applications.attachment.totalTooLarge",
                    properties.maxTotalSize().toMegabytes());
        }
    }

    /** Where the citizen looks the status up: the portal's status page of the municipality. */
    public String statusUrl(TenantInfo tenant) {
        return portalBaseUrl + "/" + tenant.slug() + "/antragsstatus";
    }

    /**
     * The citizen's own submission, found by tracking code and e-mail address. A wrong address is answered exactly
     * as a wrong code (empty), and the addresses are compared in constant time.
     */
    @Transactional(readOnly = true)
    public Optional<SubmissionView> forCitizen(UUID tenantId, String trackingCode, String email) {
        String code = TrackingCodes.normalize(trackingCode);
        Optional<Submission> found =
                code == null ? Optional.empty() : submissions.findByTenantIdAndTrackingCode(tenantId, code);
        byte[] given = normalizedEmail(email);
        byte[] stored = normalizedEmail(found.map(Submission::getEmail).orElse("-"));
        boolean same = MessageDigest.isEqual(given, stored);
        if (found.isEmpty() || !same) {
            return Optional.empty();
        }
        Submission submission = found.get();
        return Optional.of(
                view(submission, tenants.findById(submission.getTenantId()).orElseThrow()));
    }

    /** What the status page shows: status and the messages exchanged (the back office's names left out). */
    public static CitizenView citizenView(SubmissionView submission) {
        List<StepView> messages = submission.history().stream()
                .filter(step -> step.message() != null || !step.attachments().isEmpty())
                .map(step -> new StepView(
                        step.id(),
                        step.at(),
                        step.fromCitizen() ? CITIZEN : "Verwaltung",
                        step.fromCitizen(),
                        step.status(),
                        step.message(),
                        step.attachments()))
                .toList();
        return new CitizenView(
                submission.trackingCode(),
                submission.formTitle(),
                submission.status(),
                submission.receivedAt(),
                messages,
                submission.status() == SubmissionStatus.MORE_INFO_NEEDED);
    }

    private static byte[] normalizedEmail(String email) {
        String value = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        // digests of equal length, so the comparison's time says nothing about the length either
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The citizen answers a request for more information: the text and files are added to the history, the
     * submission is back in progress, the back office is told. Only while more information is needed.
     */
    public SubmissionView answerByCitizen(
            UUID tenantId, String trackingCode, String email, String text, List<UploadedFile> files) {
        SubmissionView found = forCitizen(tenantId, trackingCode, email)
                .orElseThrow(() -> new ResourceNotFoundException("submission"));
        Submission submission = submissions.findById(found.id()).orElseThrow();
        if (submission.getStatus() != SubmissionStatus.MORE_INFO_NEEDED) {
            throw new ConflictException("submissionNoQuestion");
        }
        if ((text == null || text.isBlank()) && files.isEmpty()) {
            throw new InvalidFieldException("message", "applications.answer.empty");
        }
        if (text != null && text.strip().length() > 4000) {
            throw new InvalidFieldException("message", "applications.answer.tooLong", 4000);
        }
        long already = attachments.findBySubmissionIdOrderByUploadedAtAsc(submission.getId()).stream()
                .mapToLong(Attachment::getSizeBytes)
                .sum();
        checkTotal(already + files.stream().mapToLong(UploadedFile::size).sum(), "files");
        Instant now = clock.instant();
        submission.changeTo(SubmissionStatus.IN_PROGRESS, now);
        SubmissionStep step = steps.save(new SubmissionStep(submission, now, CITIZEN, true, text));
        for (UploadedFile file : files) {
            attachments.save(new Attachment(submission, step.getId(), null, file, now));
        }
        TenantInfo tenant = tenants.findById(submission.getTenantId()).orElseThrow();
        events.publishEvent(changed(submission, tenant, step.getMessage(), true, now));
        return view(submission, tenant);
    }

    private SubmissionStatusChanged changed(
            Submission submission, TenantInfo tenant, String message, boolean byCitizen, Instant at) {
        return new SubmissionStatusChanged(
                submission.getId(),
                submission.getTenantId(),
                submission.getTrackingCode(),
                submission.getFormTitle(),
                submission.getEmail(),
                submission.getStatus(),
                message,
                byCitizen,
                statusUrl(tenant),
                at);
    }

    // ---- the back office

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<SubmissionView> list(Filter filter) {
        Collection<UUID> visible = visibleTenants(filter.tenant());
        if (visible.isEmpty()) {
            return List.of();
        }
        Map<UUID, TenantInfo> byId = new LinkedHashMap<>();
        return submissions.listOf(visible).stream()
                .filter(s -> filter.status() == null || s.getStatus() == filter.status())
                .filter(s -> filter.formKey() == null
                        || filter.formKey().isBlank()
                        || s.getFormKey().equals(filter.formKey().strip()))
                .map(s -> summary(s, byId.computeIfAbsent(s.getTenantId(), id -> tenants.findById(id)
                        .orElseThrow())))
                .toList();
    }

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public SubmissionView get(UUID id) {
        Submission submission = find(id);
        return view(submission, tenants.findById(submission.getTenantId()).orElseThrow());
    }

    /** An attachment's content, only through its submission (so only for who may see the submission). */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public AttachmentContent attachment(UUID submissionId, UUID attachmentId) {
        Submission submission = find(submissionId);
        Attachment attachment = attachments
                .findById(attachmentId)
                .filter(a -> a.getSubmissionId().equals(submission.getId()))
                .orElseThrow(() -> new ResourceNotFoundException("attachment"));
        return new AttachmentContent(toView(attachment), store.read(attachment.getId(), attachment.getSha256()));
    }

    /** An attachment's description and bytes. */
    public record AttachmentContent(AttachmentView attachment, byte[] content) {}

    /**
     * Moves a submission on, with an optional message to the citizen (required when asking for more information or
     * rejecting). A finished submission (completed, rejected) stays finished.
     */
    @PreAuthorize(WORK)
    public SubmissionView changeStatus(UUID id, SubmissionStatus next, String message) {
        Submission submission = find(id);
        if (next == null) {
            throw new InvalidFieldException("status", "applications.status.required");
        }
        if (submission.getStatus().finished()) {
            throw new ConflictException("submissionFinished");
        }
        if (next == SubmissionStatus.RECEIVED) {
            throw new InvalidFieldException("status", "applications.status.notAllowed");
        }
        boolean noMessage = message == null || message.isBlank();
        if (noMessage && (next == SubmissionStatus.MORE_INFO_NEEDED || next == SubmissionStatus.REJECTED)) {
            throw new InvalidFieldException("message", "applications.status.messageRequired");
        }
        if (!noMessage && message.strip().length() > 4000) {
            throw new InvalidFieldException("message", "applications.answer.tooLong", 4000);
        }
        if (next == submission.getStatus() && noMessage) {
            throw new InvalidFieldException("status", "applications.status.unchanged");
        }
        Instant now = clock.instant();
        submission.changeTo(next, now);
        SubmissionStep step = steps.save(new SubmissionStep(submission, now, scope.currentUsername(), false, message));
        TenantInfo tenant = tenants.findById(submission.getTenantId()).orElseThrow();
        events.publishEvent(changed(submission, tenant, step.getMessage(), false, now));
        return view(submission, tenant);
    }

    /** The submission as machine-readable JSON for the municipality's specialist software. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public Map<String, Object> export(UUID id) {
        SubmissionView s = get(id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("municipality", s.tenantSlug());
        out.put("trackingCode", s.trackingCode());
        out.put("form", Map.of("key", s.formKey(), "version", s.formVersion(), "title", s.formTitle()));
        out.put("serviceId", s.serviceId());
        out.put("email", s.email());
        out.put("status", s.status());
        out.put("receivedAt", s.receivedAt());
        out.put("completedAt", s.completedAt());
        out.put("answers", s.answers());
        out.put("attachments", s.attachments());
        out.put("history", s.history());
        return out;
    }

    // ---- retention

    /** Ids of submissions finished before {@code before}; for the retention job. */
    @Transactional(readOnly = true)
    List<UUID> finishedBefore(Instant before) {
        return submissions.finishedBefore(before);
    }

    /**
     * Deletes one submission with its history and attachment files (the rows in this transaction, the files
     * after). Returns what was deleted, for the log — never the content. Called by the system.
     */
    Optional<Deleted> delete(UUID id) {
        Optional<Submission> found = submissions.findById(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Submission submission = found.get();
        List<Attachment> files = attachments.findBySubmissionIdOrderByUploadedAtAsc(id);
        attachments.deleteAll(files);
        steps.deleteAll(steps.findBySubmissionIdOrderByAtAsc(id));
        submissions.delete(submission);
        submissions.flush();
        files.forEach(file -> store.delete(file.getId()));
        return Optional.of(new Deleted(
                submission.getId(),
                submission.getTenantId(),
                submission.getTrackingCode(),
                submission.getFormKey(),
                submission.getCompletedAt(),
                files.size()));
    }

    /** What the retention log says about a deleted submission. */
    record Deleted(UUID id, UUID tenantId, String trackingCode, String formKey, Instant completedAt, int files) {}

    /** Whether a file in the attachment directory belongs to a submission. */
    @Transactional(readOnly = true)
    boolean ownsFile(UUID id) {
        return attachments.existsById(id);
    }

    private Collection<UUID> visibleTenants(String slug) {
        Optional<Set<UUID>> restriction = scope.restriction();
        if (slug != null && !slug.isBlank()) {
            TenantInfo tenant = tenants.findBySlug(slug.strip())
                    .filter(t -> scope.permits(t.id()))
                    .orElseThrow(() -> new ResourceNotFoundException("tenant"));
            return List.of(tenant.id());
        }
        return restriction
                .<Collection<UUID>>map(ids -> ids)
                .orElseGet(() -> tenants.findAll().stream().map(TenantInfo::id).toList());
    }

    private Submission find(UUID id) {
        Optional<Set<UUID>> restriction = scope.restriction();
        return restriction
                .map(ids -> ids.isEmpty() ? Optional.<Submission>empty() : submissions.findByIdAndTenantIdIn(id, ids))
                .orElseGet(() -> submissions.findById(id))
                .orElseThrow(() -> new ResourceNotFoundException("submission"));
    }

    private SubmissionView summary(Submission s, TenantInfo tenant) {
        return new SubmissionView(
                s.getId(),
                s.getTenantId(),
                tenant.slug(),
                s.getFormKey(),
                s.getFormVersion(),
                s.getFormTitle(),
                s.getServiceId(),
                s.getDepartmentId(),
                s.getTrackingCode(),
                s.getEmail(),
                Map.of(),
                s.getStatus(),
                s.getReceivedAt(),
                s.getCompletedAt(),
                List.of(),
                List.of());
    }

    private SubmissionView view(Submission s, TenantInfo tenant) {
        List<AttachmentView> files = attachments.findBySubmissionIdOrderByUploadedAtAsc(s.getId()).stream()
                .map(Submissions::toView)
                .toList();
        List<StepView> history = new ArrayList<>();
        for (SubmissionStep step : steps.findBySubmissionIdOrderByAtAsc(s.getId())) {
            history.add(new StepView(
                    step.getId(),
                    step.getAt(),
                    step.getActor(),
                    step.isFromCitizen(),
                    step.getStatus(),
                    step.getMessage(),
                    files.stream()
                            .filter(f -> step.getId().equals(f.stepId()) && f.fieldKey() == null)
                            .toList()));
        }
        return new SubmissionView(
                s.getId(),
                s.getTenantId(),
                tenant.slug(),
                s.getFormKey(),
                s.getFormVersion(),
                s.getFormTitle(),
                s.getServiceId(),
                s.getDepartmentId(),
                s.getTrackingCode(),
                s.getEmail(),
                json.readValue(s.getAnswers(), ANSWERS),
                s.getStatus(),
                s.getReceivedAt(),
                s.getCompletedAt(),
                history,
                files);
    }

    private static AttachmentView toView(Attachment a) {
        return new AttachmentView(
                a.getId(),
                a.getStepId(),
                a.getFieldKey(),
                a.getFileName(),
                a.getMediaType(),
                a.getSizeBytes(),
                a.getSha256(),
                a.getUploadedAt());
    }
}
