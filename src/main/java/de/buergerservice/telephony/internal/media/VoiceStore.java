package de.buergerservice.telephony.internal.media;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import de.buergerservice.tenancy.TenantDeleted;

/** {@code telephony_voice} and {@code telephony_prompt}: settings and uploaded prompts, per municipality. */
@Repository
public class VoiceStore {

    public record StoredPrompt(Clip clip, String originalName, String uploadedBy, Instant uploadedAt) {}

    private final JdbcTemplate jdbc;

    VoiceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<VoiceSettings> settings(UUID tenantId) {
        return jdbc
                .query(
                        "select announcements, notice, announce_every_seconds from telephony_voice where tenant_id = ?",
                        (rs, n) -> new VoiceSettings(tenantId, rs.getBoolean(1), rs.getString(2), rs.getInt(3)),
                        tenantId)
                .stream()
                .findFirst();
    }

    void save(VoiceSettings settings, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        int updated = jdbc.update(
                "update telephony_voice set announcements = ?, notice = ?, announce_every_seconds = ?, updated_at = ?"
                        + " where tenant_id = ?",
                settings.announcements(),
                settings.notice(),
                settings.announceEverySeconds(),
                at,
                settings.tenantId());
        if (updated == 0) {
            jdbc.update(
                    "insert into telephony_voice (tenant_id, announcements, notice, announce_every_seconds, updated_at)"
                            + " values (?, ?, ?, ?, ?)",
                    settings.tenantId(),
                    settings.announcements(),
                    settings.notice(),
                    settings.announceEverySeconds(),
                    at);
        }
    }

    Optional<StoredPrompt> prompt(UUID tenantId, PromptSituation situation) {
        return jdbc
                .query(
                        "select audio, original_name, uploaded_by, uploaded_at from telephony_prompt"
                                + " where tenant_id = ? and situation = ?",
                        (rs, n) -> new StoredPrompt(
                                Wav.fromLittleEndian(rs.getBytes(1)),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getObject(4, OffsetDateTime.class).toInstant()),
                        tenantId,
                        situation.name())
                .stream()
                .findFirst();
    }

    void savePrompt(UUID tenantId, PromptSituation situation, Clip clip, String name, String by, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        jdbc.update("delete from telephony_prompt where tenant_id = ? and situation = ?", tenantId, situation.name());
        jdbc.update(
                "insert into telephony_prompt (tenant_id, situation, audio, original_name, uploaded_by, uploaded_at)"
                        + " values (?, ?, ?, ?, ?, ?)",
                tenantId,
                situation.name(),
                Wav.toLittleEndian(clip),
                name,
                by,
                at);
    }

    boolean deletePrompt(UUID tenantId, PromptSituation situation) {
        return jdbc.update(
                        "delete from telephony_prompt where tenant_id = ? and situation = ?",
                        tenantId,
                        situation.name())
                > 0;
    }

    /** The municipality's settings and recordings go with it, in the deleting transaction. */
    @EventListener
    void on(TenantDeleted event) {
        jdbc.update("delete from telephony_prompt where tenant_id = ?", event.tenantId());
        jdbc.update("delete from telephony_voice where tenant_id = ?", event.tenantId());
    }
}
