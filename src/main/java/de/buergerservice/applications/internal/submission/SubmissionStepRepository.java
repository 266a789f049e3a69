package de.buergerservice.applications.internal.submission;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SubmissionStepRepository extends JpaRepository<SubmissionStep, UUID> {

    List<SubmissionStep> findBySubmissionIdOrderByAtAsc(UUID submissionId);
}
