package de.buergerservice.applications.internal.submission;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AttachmentRepository extends JpaRepository<Attachment, UUID> {

    List<Attachment> findBySubmissionIdOrderByUploadedAtAsc(UUID submissionId);
}
