package de.buergerservice.knowledge.internal;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import de.buergerservice.knowledge.ServiceState;
import de.buergerservice.shared.persistence.PersistentEntity;

/**
 * A service description (Leistung): an entry of the shared catalogue ({@code tenantId == null}), which applies to
 * every tenant, or an entry of one tenant only. Its workflow state and review date belong to the article as a whole.
 */
@Entity
@Table(name = "knowledge_service")
public class ServiceEntry extends PersistentEntity {

    @Column(name = "tenant_id", updatable = false)
    private UUID tenantId;

    @Column(length = 40, updatable = false)
    private String source;

    @Column(name = "external_id", length = 100, updatable = false)
    private String externalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private ServiceState state;

    @Column(name = "review_date")
    private LocalDate reviewDate;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(name = "leika_key", length = 14)
    private String leikaKey;

    /** The content, and beside a working copy the content citizens see until it is published (four-eyes rule). */
    @Embedded
    private ReviewedContent content = new ReviewedContent(ServiceContent.EMPTY);

    @Column(name = "department_id")
    private UUID departmentId;

    @Column(name = "internal_notes", columnDefinition = "text")
    private String internalNotes;

    @Column(nullable = false)
    private int revision;

    /** Who last changed the content: under the four-eyes rule this person may not publish it. */
    @Column(name = "last_editor", nullable = false, length = 100)
    private String lastEditor;

    protected ServiceEntry() {}

    ServiceEntry(UUID tenantId, String source, String externalId, ServiceState state, String editor) {
        this.tenantId = tenantId;
        this.source = source;
        this.externalId = externalId;
        this.state = state;
        this.lastEditor = editor;
    }

    /** Sets the content; returns whether anything changed. */
    boolean apply(
            ServiceContent newContent, LocalDate newReviewDate, UUID newDepartmentId, String newNotes, String editor) {
        ServiceContent complete = newContent.complete();
        boolean contentChanged = content.differs(complete);
        if (contentChanged) {
            content.replace(complete);
            showTitleOf(complete);
        }
        return changed(contentChanged | setLocal(newReviewDate, newDepartmentId, newNotes), editor);
    }

    /**
     * Changes a published article as a working copy: its state goes back to DRAFT, while the published content stays
     * what citizens see until the change is published (by someone else, under the four-eyes rule). Fields that are
     * not content (review date, department, notes) take effect at once. Returns whether anything changed.
     */
    boolean applyAsWorkingCopy(
            ServiceContent newContent, LocalDate newReviewDate, UUID newDepartmentId, String newNotes, String editor) {
        ServiceContent complete = newContent.complete();
        boolean contentChanged = content.replaceAsWorkingCopy(complete);
        if (contentChanged) {
            showTitleOf(complete);
            state = ServiceState.DRAFT;
        }
        return changed(contentChanged | setLocal(newReviewDate, newDepartmentId, newNotes), editor);
    }

    /**
     * An imported record's content. Published at once only if the import may publish; otherwise it waits for
     * review like any change: a new or unpublished record goes to review, a change to a published one becomes a
     * working copy in review while the published content stays in force. An archived record stays archived.
     * Review date, department (unless the record names one) and notes stay. Returns whether anything changed.
     */
    boolean applyImport(ServiceContent newContent, UUID newDepartmentId, String editor, boolean publish) {
        UUID department = newDepartmentId != null ? newDepartmentId : departmentId;
        boolean changed = publish || !isPublic()
                ? apply(newContent, reviewDate, department, internalNotes, editor)
                : applyAsWorkingCopy(newContent, reviewDate, department, internalNotes, editor);
        if (changed && state != ServiceState.ARCHIVED) {
            state = publish ? ServiceState.PUBLISHED : ServiceState.IN_REVIEW;
            if (publish) {
                content.release();
            }
        }
        return changed;
    }

    private void showTitleOf(ServiceContent complete) {
        title = complete.title();
        leikaKey = complete.leikaKey();
    }

    private boolean setLocal(LocalDate newReviewDate, UUID newDepartmentId, String newNotes) {
        boolean changed = !Objects.equals(reviewDate, newReviewDate)
                || !Objects.equals(departmentId, newDepartmentId)
                || !Objects.equals(internalNotes, newNotes);
        reviewDate = newReviewDate;
        departmentId = newDepartmentId;
        internalNotes = newNotes;
        return changed;
    }

    private boolean changed(boolean changed, String editor) {
        if (changed) {
            lastEditor = editor;
            revision++;
        }
        return changed;
    }

    /** Publishing puts the working copy online; archiving withdraws both. */
    void changeState(ServiceState newState) {
        state = newState;
        if (newState == ServiceState.PUBLISHED || newState == ServiceState.ARCHIVED) {
            content.release();
        }
        revision++;
    }

    /** Whether citizens see the article: it is published, or its published content stays online beside a working copy. */
    boolean isPublic() {
        return state == ServiceState.PUBLISHED || content.pending();
    }

    /** Whether a change waits for review while the published content stays online. */
    boolean hasWorkingCopy() {
        return content.pending();
    }

    /** What citizens see: the published content beside a working copy, else the content. */
    ServiceContent publicContent() {
        return content.inForce();
    }

    /**
     * What the search index holds: the published content while a working copy waits for review (agents answer with
     * what is in force), else the content.
     */
    ServiceContent searchedContent() {
        return publicContent().complete();
    }

    /** Demo data only: a review date in the past, which editors could not enter. */
    void overdueSince(LocalDate date) {
        reviewDate = date;
    }

    boolean isCatalogue() {
        return tenantId == null;
    }

    public ServiceContent content() {
        return content.current();
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public String getSource() {
        return source;
    }

    public String getExternalId() {
        return externalId;
    }

    public ServiceState getState() {
        return state;
    }

    public LocalDate getReviewDate() {
        return reviewDate;
    }

    public String getTitle() {
        return title;
    }

    public UUID getDepartmentId() {
        return departmentId;
    }

    public String getInternalNotes() {
        return internalNotes;
    }

    public int getRevision() {
        return revision;
    }

    public String getLastEditor() {
        return lastEditor;
    }
}
