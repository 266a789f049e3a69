package de.buergerservice.applications;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * What the portal and the public API offer a citizen (no login): upload an attachment, submit a form's answers,
 * look the status up with tracking code and e-mail address, answer a request for more information, and download
 * the receipt. Bad input is refused with {@code InvalidFieldException} / {@code InvalidFieldsException} (German
 * messages at the fields); an unknown tracking code and a wrong address are the same {@code
 * ResourceNotFoundException}.
 */
public interface SubmissionDesk {

    /**
     * Spam protection of every public action (submit, upload, look-up, answer): a token bucket per client address.
     * Empty if the action may go on, else the seconds until the next one.
     */
    OptionalLong admit(String clientAddress);

    /** The largest attachment and all attachments of a submission together, in bytes. */
    long maxFileSize();

    long maxTotalSize();

    /** Checks (PDF, JPEG, PNG by content; size) and stores one upload given for {@code fieldId}. */
    UploadedFile upload(String fieldId, String fileName, byte[] content);

    /**
     * Checks {@code answers} against {@code form} (the version the citizen filled in) and stores the submission.
     * A FILE field's answers are the ids of its {@code files}; {@code email} is where the citizen is answered (when
     * null, the form's first e-mail field).
     */
    SubmissionReceipt submit(
            UUID tenantId,
            FormDefinition form,
            Map<String, List<String>> answers,
            List<UploadedFile> files,
            String email);

    /** Only the problems of {@code answers} that concern the fields of section {@code sectionId} (one step). */
    List<FieldProblem> checkSection(FormDefinition form, String sectionId, Map<String, List<String>> answers);

    /** The citizen's view of the submission, empty when code or address do not match. */
    Optional<CitizenStatus> status(UUID tenantId, String trackingCode, String email);

    /** The citizen's answer to a request for more information (text and attachments). */
    CitizenStatus answer(UUID tenantId, String trackingCode, String email, String text, List<UploadedFile> files);

    /** The PDF receipt: every answer, the time, the tracking code, the municipality's name. */
    byte[] receipt(UUID tenantId, String trackingCode, String email);

    /** A stored submission: where the citizen finds it again. */
    record SubmissionReceipt(UUID submissionId, String trackingCode, String email, Instant receivedAt) {}

    /** What the citizen sees of a submission. */
    record CitizenStatus(
            String trackingCode,
            String formTitle,
            SubmissionStatus status,
            Instant receivedAt,
            List<CitizenMessage> messages,
            boolean mayAnswer) {}

    /** A message exchanged: from the municipality (with the status it set) or from the citizen, with file names. */
    record CitizenMessage(Instant at, boolean fromCitizen, SubmissionStatus status, String text, List<String> files) {}
}
