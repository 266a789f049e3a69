package de.buergerservice.telephony.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.telephony.internal.media.Clip;
import de.buergerservice.telephony.internal.media.PromptSituation;
import de.buergerservice.telephony.internal.media.SwitchboardVoice;
import de.buergerservice.telephony.internal.media.VoiceSettings;
import de.buergerservice.telephony.internal.media.Wav;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * What a municipality's callers hear (issue 19): whether the line announces, the notice, how often the position is
 * announced; and recordings per situation (greeting, notice, hold music, out-of-hours), uploaded as WAV and stored
 * converted to 8 kHz. Administrators and supervisors of the ServiceCenter only, like the line's other settings.
 */
@RestController
class VoiceApiController {

    /** Longest recording accepted: a prompt, not an audio book. */
    static final int MAX_SECONDS = 300;

    private final SwitchboardVoice voice;
    private final TenantDirectory tenants;

    VoiceApiController(SwitchboardVoice voice, TenantDirectory tenants) {
        this.voice = voice;
        this.tenants = tenants;
    }

    record VoiceSettingsData(
            @NotNull Boolean announcements,
            @Size(max = 500) String notice,
            @NotNull @Min(10) @Max(300) Integer announceEverySeconds) {}

    record VoiceView(boolean announcements, String notice, int announceEverySeconds, boolean callbacksOffered) {}

    record PromptView(String situation, double seconds, String originalName, String uploadedBy, String uploadedAt) {}

    @GetMapping("/api/v1/tenants/{slug}/telephony/voice")
    @PreAuthorize(TelephonyApiController.MANAGERS)
    VoiceView settings(@PathVariable String slug) {
        return view(voice.settings(tenant(slug).id()));
    }

    @PutMapping("/api/v1/tenants/{slug}/telephony/voice")
    @PreAuthorize(TelephonyApiController.MANAGERS)
    VoiceView update(@PathVariable String slug, @Valid @RequestBody VoiceSettingsData data) {
        String notice = data.notice() == null || data.notice().isBlank()
                ? null
                : data.notice().strip();
        return view(voice.save(
                new VoiceSettings(tenant(slug).id(), data.announcements(), notice, data.announceEverySeconds())));
    }

    // no "consumes": a request that is not multipart is still checked for the role first (403), and without a file
    // part an administrator gets the German "Bitte eine WAV-Datei auswählen." rather than a bare 415
    @PutMapping("/api/v1/tenants/{slug}/telephony/prompts/{situation}")
    @PreAuthorize(TelephonyApiController.MANAGERS)
    PromptView upload(
            @PathVariable String slug,
            @PathVariable String situation,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Authentication user)
            throws IOException {
        TenantInfo tenant = tenant(slug);
        PromptSituation which = situation(situation);
        if (file == null || file.isEmpty()) {
            throw new InvalidFieldException("file", "validation.telephony.prompt.missing");
        }
        long max = voice.properties().maxUploadBytes();
        if (file.getSize() > max) {
            throw new InvalidFieldException("file", "validation.telephony.prompt.tooLarge", max / (1024 * 1024));
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".wav")) {
            throw new InvalidFieldException("file", "validation.telephony.prompt.notWav");
        }
        Clip clip;
        try {
            clip = Wav.read(file.getBytes());
        } catch (Wav.NotWavException e) {
            throw new InvalidFieldException("file", "validation.telephony.prompt.unreadable", e.getMessage());
        }
        if (clip.millis() < 500) {
            throw new InvalidFieldException("file", "validation.telephony.prompt.tooShort");
        }
        if (clip.millis() > MAX_SECONDS * 1000L) {
            throw new InvalidFieldException("file", "validation.telephony.prompt.tooLong", MAX_SECONDS / 60);
        }
        voice.upload(tenant.id(), which, clip, name.length() > 255 ? name.substring(0, 255) : name, user.getName());
        return prompt(tenant, which);
    }

    @GetMapping("/api/v1/tenants/{slug}/telephony/prompts/{situation}")
    @PreAuthorize(TelephonyApiController.MANAGERS)
    PromptView promptInfo(@PathVariable String slug, @PathVariable String situation) {
        return prompt(tenant(slug), situation(situation));
    }

    /** The stored recording as callers hear it (8 kHz WAV), to listen to after an upload. */
    @GetMapping(path = "/api/v1/tenants/{slug}/telephony/prompts/{situation}/audio", produces = "audio/wav")
    @PreAuthorize(TelephonyApiController.MANAGERS)
    ResponseEntity<byte[]> audio(@PathVariable String slug, @PathVariable String situation) throws IOException {
        var stored = voice.uploaded(tenant(slug).id(), situation(situation))
                .orElseThrow(() -> new ResourceNotFoundException("prompt"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("audio/wav"))
                .body(Wav.write(stored.clip()));
    }

    @DeleteMapping("/api/v1/tenants/{slug}/telephony/prompts/{situation}")
    @PreAuthorize(TelephonyApiController.MANAGERS)
    ResponseEntity<Map<String, String>> delete(@PathVariable String slug, @PathVariable String situation) {
        if (!voice.deleteUpload(tenant(slug).id(), situation(situation))) {
            throw new ResourceNotFoundException("prompt");
        }
        return ResponseEntity.noContent().build();
    }

    private PromptView prompt(TenantInfo tenant, PromptSituation situation) {
        var stored = voice.uploaded(tenant.id(), situation).orElseThrow(() -> new ResourceNotFoundException("prompt"));
        return new PromptView(
                situation.name(),
                stored.clip().millis() / 1000.0,
                stored.originalName(),
                stored.uploadedBy(),
                stored.uploadedAt().toString());
    }

    private VoiceView view(VoiceSettings settings) {
        return new VoiceView(
                settings.announcements(),
                settings.notice(),
                settings.announceEverySeconds(),
                !voice.callbackGateway().isEmpty());
    }

    private static PromptSituation situation(String value) {
        try {
            return PromptSituation.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("situation", "validation.telephony.prompt.situation");
        }
    }

    private TenantInfo tenant(String slug) {
        return tenants.findBySlug(slug).orElseThrow(() -> new ResourceNotFoundException("tenant"));
    }
}
