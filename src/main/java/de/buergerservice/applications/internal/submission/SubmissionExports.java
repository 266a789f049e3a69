package de.buergerservice.applications.internal.submission;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.applications.FormCatalog;
import de.buergerservice.applications.FormDefinition;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The back office's reading of a submission with its own form version: the answers with that version's labels,
 * and the PDF export. Access as {@link Submissions#get}.
 */
@Service
@Transactional(readOnly = true)
public class SubmissionExports {

    private final Submissions submissions;
    private final FormCatalog forms;
    private final TenantDirectory tenants;

    SubmissionExports(Submissions submissions, FormCatalog forms, TenantDirectory tenants) {
        this.submissions = submissions;
        this.forms = forms;
        this.tenants = tenants;
    }

    /** The form version the submission was made with, if it can still be read. */
    public Optional<FormDefinition> formOf(SubmissionView submission) {
        return forms.version(submission.tenantId(), submission.formKey(), submission.formVersion());
    }

    public List<AnswerLine> answers(SubmissionView submission) {
        return AnswerLines.of(formOf(submission), submission.answers(), submission.attachments());
    }

    @PreAuthorize(Submissions.READ)
    public byte[] pdf(UUID id) {
        SubmissionView submission = submissions.get(id);
        return SubmissionDocument.export(
                submission,
                tenants.findById(submission.tenantId()).orElseThrow().name(),
                answers(submission));
    }
}
