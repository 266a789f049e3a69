package de.buergerservice.applications.internal.submission;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the submissions ({@code buergerservice.applications.submissions.*}).
 *
 * @param attachmentDir where attachments are stored; default {@code <data-dir>/applications/attachments} — never a
 *     folder the web server serves
 * @param maxFileSize the largest attachment (10 MB)
 * @param maxTotalSize all attachments of one submission together (30 MB)
 * @param retentionDays days after completion (or rejection) when a submission and its attachments are deleted
 * @param retentionInterval how often the retention job runs
 * @param publicLimit submissions, look-ups and answers per client address and {@code publicWindow}
 * @param publicWindow the window of {@code publicLimit}
 */
@ConfigurationProperties("buergerservice.applications.submissions")
public record SubmissionProperties(
        Path attachmentDir,
        DataSize maxFileSize,
        DataSize maxTotalSize,
        Integer retentionDays,
        Duration retentionInterval,
        Integer publicLimit,
        Duration publicWindow) {

    public SubmissionProperties {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
        maxTotalSize = maxTotalSize == null ? DataSize.ofMegabytes(30) : maxTotalSize;
        retentionDays = retentionDays == null ? 180 : retentionDays;
        retentionInterval = retentionInterval == null ? Duration.ofHours(1) : retentionInterval;
        publicLimit = publicLimit == null ? 30 : publicLimit;
        publicWindow = publicWindow == null ? Duration.ofMinutes(10) : publicWindow;
    }
}
