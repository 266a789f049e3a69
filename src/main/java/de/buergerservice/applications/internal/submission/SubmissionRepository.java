package de.buergerservice.applications.internal.submission;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SubmissionRepository extends JpaRepository<Submission, UUID> {

    Optional<Submission> findByIdAndTenantIdIn(UUID id, Collection<UUID> tenants);

    Optional<Submission> findByTenantIdAndTrackingCode(UUID tenantId, String trackingCode);

    boolean existsByTrackingCode(String trackingCode);

    @Query("select s from Submission s where s.tenantId in :tenants order by s.receivedAt desc")
    List<Submission> listOf(Collection<UUID> tenants);

    @Query("select s.id from Submission s where s.completedAt is not null and s.completedAt < :before")
    List<UUID> finishedBefore(Instant before);
}
