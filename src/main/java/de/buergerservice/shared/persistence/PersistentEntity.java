package de.buergerservice.shared.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/**
 * Base of every stored record: an id assigned at construction (so events can name a record before it is
 * flushed), an optimistic-lock version (a lost update becomes 409, not silent overwrite) and timestamps.
 */
@MappedSuperclass
public abstract class PersistentEntity {

    @Id
    private UUID id = UUID.randomUUID();

    @Version
    private Long version;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    public UUID getId() {
        return id;
    }

    public Long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof PersistentEntity entity && getClass() == entity.getClass() && id.equals(entity.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
