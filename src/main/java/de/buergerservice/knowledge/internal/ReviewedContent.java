package de.buergerservice.knowledge.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The content of a layer (a service entry or a tenant's override) with the working-copy rule of the four-eyes
 * principle, kept once for both: while a change waits for review, the content in force stays beside it until the
 * change is released (published or approved).
 */
@Embeddable
class ReviewedContent {

    @Column(name = "content", nullable = false, columnDefinition = "text")
    private String content;

    /** The content in force while a change waits for review; {@code null} when no change waits. */
    @Column(name = "published_content", columnDefinition = "text")
    private String publishedContent;

    protected ReviewedContent() {}

    ReviewedContent(ServiceContent initial) {
        this.content = initial.toJson();
    }

    /** The newest content: the working copy while a change waits. */
    ServiceContent current() {
        return content == null ? ServiceContent.EMPTY : ServiceContent.fromJson(content);
    }

    /** What citizens, agents and the search see: the content in force while a change waits, else the content. */
    ServiceContent inForce() {
        return publishedContent != null ? ServiceContent.fromJson(publishedContent) : current();
    }

    /** Whether a change waits for review. */
    boolean pending() {
        return publishedContent != null;
    }

    /** Whether {@code next} differs from the current content. */
    boolean differs(ServiceContent next) {
        return !next.sameAs(current());
    }

    /** Replaces the content at once. */
    void replace(ServiceContent next) {
        content = next.toJson();
    }

    /**
     * Replaces the content as a working copy: the content in force stays as it was (the first change keeps it;
     * later changes to the working copy do not move it). Returns whether the content changed.
     */
    boolean replaceAsWorkingCopy(ServiceContent next) {
        if (!differs(next)) {
            return false;
        }
        if (publishedContent == null) {
            publishedContent = content;
        }
        content = next.toJson();
        return true;
    }

    /** The waiting change goes into force (published, approved) or is withdrawn together with it (archived). */
    void release() {
        publishedContent = null;
    }
}
