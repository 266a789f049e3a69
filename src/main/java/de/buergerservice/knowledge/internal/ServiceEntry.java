package de.buergerservice.knowledge.internal;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
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

    @Column(nullable = false, columnDefinition = "text")
    private String content;

    /**
     * The content citizens see while a change to the published article waits for review (four-eyes rule);
     * {@code null} when there is no such working copy.
     */
    @Column(name = "published_content", columnDefinition = "text")
    private String publishedContent;

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
        boolean changed = !complete.sameAs(content())
                || !java.util.Objects.equals(reviewDate, newReviewDate)
                || !java.util.Objects.equals(departmentId, newDepartmentId)
                || !java.util.Objects.equals(internalNotes, newNotes);
        if (changed) {
            content = complete.toJson();
            title = complete.title();
            leikaKey = complete.leikaKey();
            reviewDate = newReviewDate;
            departmentId = newDepartmentId;
            internalNotes = newNotes;
            lastEditor = editor;
            revision++;
        }
        return changed;
    }

    /**
     * Changes a published article as a working copy: its state goes back to DRAFT, while the published content stays
     * what citizens see until the change is published (by someone else, under the four-eyes rule). Fields that are
     * not content (review date, department, notes) take effect at once. Returns whether anything changed.
     */
    boolean applyAsWorkingCopy(
            ServiceContent newContent, LocalDate newReviewDate, UUID newDepartmentId, String newNotes, String editor) {
        String published = content;
        boolean contentChanged = !newContent.complete().sameAs(content());
        boolean changed = apply(newContent, newReviewDate, newDepartmentId, newNotes, editor);
        if (contentChanged) {
            publishedContent = published;
            state = ServiceState.DRAFT;
        }
        return changed;
    }

    /** Publishing puts the working copy online; archiving withdraws both. */
    void changeState(ServiceState newState) {
        state = newState;
        if (newState == ServiceState.PUBLISHED || newState == ServiceState.ARCHIVED) {
            publishedContent = null;
        }
        revision++;
    }

    /** Whether citizens see the article: it is published, or its published content stays online beside a working copy. */
    boolean isPublic() {
        return state == ServiceState.PUBLISHED || publishedContent != null;
    }

    /** Whether a change waits for review while the published content stays online. */
    boolean hasWorkingCopy() {
        return publishedContent != null;
    }

    /** What citizens see: the published content beside a working copy, else the content. */
    ServiceContent publicContent() {
        return publishedContent != null ? ServiceContent.fromJson(publishedContent) : content();
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
        return ServiceContent.fromJson(content);
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
