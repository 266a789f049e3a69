package de.buergerservice.applications.internal.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.tika.Tika;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import de.buergerservice.applications.UploadedFile;
import de.buergerservice.shared.DataDirectory;
import de.buergerservice.shared.web.InvalidFieldException;

/**
 * The attachments' files: below the data directory ({@code applications/attachments}) or the configured {@link
 * SubmissionProperties#attachmentDir()}, neither of which the web server serves. A file is accepted only if its
 * content — the magic bytes Apache Tika reads, never the name or the type the browser claims — is a PDF, JPEG or
 * PNG, and it is at most {@link SubmissionProperties#maxFileSize()}; a refused file is never written. A file's name
 * on disk is its id, so no name from a request reaches a path; its SHA-256 is kept to prove it unchanged.
 */
@Component
public class AttachmentStore {

    /** Media types accepted, with the file extension a download gets. */
    static final Map<String, String> ACCEPTED =
            Map.of("application/pdf", "pdf", "image/jpeg", "jpg", "image/png", "png");

    private static final Logger log = LoggerFactory.getLogger(AttachmentStore.class);

    private final Path directory;
    private final SubmissionProperties properties;
    private final Tika tika = new Tika();

    AttachmentStore(DataDirectory dataDirectory, SubmissionProperties properties) {
        this.properties = properties;
        this.directory = properties.attachmentDir() == null
                ? dataDirectory.resolve("applications/attachments")
                : create(properties.attachmentDir().toAbsolutePath().normalize());
    }

    private static Path create(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create attachment directory " + dir, e);
        }
    }

    /**
     * Checks and stores one upload of form field {@code field}. Refused (nothing written): empty, larger than the
     * limit, or not a PDF, JPEG or PNG by its content — each an {@link InvalidFieldException} at the field.
     */
    public UploadedFile store(String field, String originalName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidFieldException(field, "applications.attachment.empty");
        }
        if (content.length > properties.maxFileSize().toBytes()) {
            throw new InvalidFieldException(
                    field,
                    "applications.attachment.tooLarge",
                    displayName(originalName),
                    properties.maxFileSize().toMegabytes());
        }
        String type = tika.detect(content);
        if (!ACCEPTED.containsKey(type)) {
            throw new InvalidFieldException(field, "applications.attachment.type", displayName(originalName));
        }
        UUID id = UUID.randomUUID();
        Path target = path(id);
        try {
            Path temporary = Files.createTempFile(directory, "upload-", ".part");
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store attachment " + id, e);
        }
        return new UploadedFile(id, displayName(originalName, type), type, content.length, sha256(content));
    }

    /** The content of a stored file, checked against its checksum. */
    public byte[] read(UUID id, String expectedSha256) {
        try {
            byte[] content = Files.readAllBytes(path(id));
            if (expectedSha256 != null && !expectedSha256.equals(sha256(content))) {
                throw new IllegalStateException("Attachment " + id + " does not match its SHA-256 checksum");
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read attachment " + id, e);
        }
    }

    public boolean exists(UUID id) {
        return Files.exists(path(id));
    }

    public void delete(UUID id) {
        try {
            Files.deleteIfExists(path(id));
        } catch (IOException e) {
            log.warn("Attachment {} could not be deleted: {}", id, e.toString());
        }
    }

    /**
     * Deletes files older than {@code age} that no submission owns (uploaded in a step of a form that was never
     * submitted). Returns how many.
     */
    int deleteOrphans(Predicate<UUID> owned, Duration age, Instant now) {
        int deleted = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                UUID id = idOf(file);
                boolean old = Files.getLastModifiedTime(file).toInstant().isBefore(now.minus(age));
                if (old && (id == null || !owned.test(id))) {
                    Files.deleteIfExists(file);
                    deleted++;
                }
            }
        } catch (IOException e) {
            log.warn("Orphaned attachments could not be cleaned up: {}", e.toString());
        }
        return deleted;
    }

    private static UUID idOf(Path file) {
        try {
            return UUID.fromString(file.getFileName().toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    Path directory() {
        return directory;
    }

    private Path path(UUID id) {
        // the id's canonical form: hex digits and dashes only, so the path stays inside the directory
        return directory.resolve(id.toString());
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The citizen's file name without any directory part or control characters, for display only. */
    static String displayName(String name) {
        if (name == null || name.isBlank()) {
            return "Anhang";
        }
        String last = name.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"<>]", "")
                .strip();
        if (last.isEmpty()) {
            return "Anhang";
        }
        return last.length() <= 200 ? last : last.substring(0, 200);
    }

    private static String displayName(String name, String type) {
        String shown = displayName(name);
        String extension = ACCEPTED.get(type);
        String lower = shown.toLowerCase(java.util.Locale.ROOT);
        Set<String> endings = "jpg".equals(extension) ? Set.of(".jpg", ".jpeg") : Set.of("." + extension);
        return endings.stream().anyMatch(lower::endsWith) ? shown : shown + "." + extension;
    }
}
