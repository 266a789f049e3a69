package de.buergerservice.telephony.internal.media;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.buergerservice.tenancy.OpeningException;
import de.buergerservice.tenancy.OpeningHours;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;
import de.buergerservice.tenancy.TimeRange;

/**
 * The words the switchboard says, per municipality and situation: an uploaded recording where there is one, else
 * German speech from espeak-ng. Announcements with numbers are put together from short clips (the fixed phrase,
 * each number, each weekday, each time of day — synthesised once, then cached), so a position announcement costs a
 * concatenation, not a synthesis. Everything runs on the prompts executor; callers of this class get futures.
 */
final class Prompts {

    private static final Logger log = LoggerFactory.getLogger(Prompts.class);
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final String CALLBACK_OFFER =
            "Wenn Sie zurückgerufen werden möchten, ohne Ihren Platz zu verlieren," + " drücken Sie die 1.";
    static final String CALLBACK_CONFIRMED =
            "Vielen Dank. Wir rufen Sie zurück, sobald Sie an der Reihe sind. Ihr Platz bleibt erhalten. Auf Wiederhören.";
    static final String CALLBACK_UNAVAILABLE =
            "Ein Rückruf ist leider nicht möglich, weil Ihre Rufnummer nicht übermittelt wurde. Bitte bleiben Sie in der Leitung.";

    private final SpeechSynthesizer speech;
    private final VoiceStore store;
    private final TenantDirectory tenants;
    private final ExecutorService executor;
    private final Clip holdTone = HoldTone.generate();
    private final Map<String, Optional<Clip>> uploads = new ConcurrentHashMap<>();

    Prompts(SpeechSynthesizer speech, VoiceStore store, TenantDirectory tenants, ExecutorService executor) {
        this.speech = speech;
        this.store = store;
        this.tenants = tenants;
        this.executor = executor;
    }

    /** Speaks the clips every caller may hear in advance, so the first callers do not wait for espeak. */
    void warmUp() {
        executor.execute(() -> {
            try {
                for (String phrase : List.of(
                        "Sie sind an Position",
                        "in der Warteschlange.",
                        "Ihre voraussichtliche Wartezeit beträgt etwa",
                        "Minuten.",
                        "weniger als eine Minute.",
                        CALLBACK_OFFER,
                        CALLBACK_CONFIRMED)) {
                    speech.speak(phrase);
                }
                for (int n = 1; n <= 20; n++) {
                    speech.speak(String.valueOf(n));
                }
                for (TenantInfo tenant : tenants.findAll()) {
                    speech.speak(greetingText(tenant));
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Prompts not prepared in advance: {}", e.toString());
            }
        });
    }

    void uploaded(UUID tenantId, PromptSituation situation) {
        uploads.remove(tenantId + "/" + situation);
    }

    CompletableFuture<Clip> greeting(TenantInfo tenant) {
        return upload(tenant.id(), PromptSituation.GREETING).orElseGet(() -> say(greetingText(tenant)));
    }

    static String greetingText(TenantInfo tenant) {
        return tenant.greeting() == null || tenant.greeting().isBlank()
                ? "Willkommen bei " + tenant.name() + "."
                : tenant.greeting();
    }

    Optional<CompletableFuture<Clip>> notice(UUID tenantId, String text) {
        Optional<CompletableFuture<Clip>> uploaded = upload(tenantId, PromptSituation.NOTICE);
        if (uploaded.isPresent()) {
            return uploaded;
        }
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(say(text));
    }

    CompletableFuture<Clip> holdMusic(UUID tenantId) {
        return upload(tenantId, PromptSituation.HOLD_MUSIC)
                .orElseGet(() -> CompletableFuture.completedFuture(holdTone));
    }

    CompletableFuture<Clip> say(String text) {
        return CompletableFuture.supplyAsync(() -> speakOrNothing(text), executor);
    }

    /** "Sie sind an Position 3 in der Warteschlange. Ihre voraussichtliche Wartezeit beträgt etwa 6 Minuten." */
    Clip position(int position, int waitMinutes) {
        List<Clip> parts = new ArrayList<>();
        parts.add(speakOrNothing("Sie sind an Position"));
        parts.add(speakOrNothing(String.valueOf(position)));
        parts.add(speakOrNothing("in der Warteschlange."));
        parts.add(Clip.silence(200));
        parts.add(speakOrNothing("Ihre voraussichtliche Wartezeit beträgt etwa"));
        if (waitMinutes < 1) {
            parts.add(speakOrNothing("weniger als eine Minute."));
        } else {
            parts.add(speakOrNothing(String.valueOf(waitMinutes)));
            parts.add(speakOrNothing("Minuten."));
        }
        return Clip.concat(parts);
    }

    /**
     * Outside opening hours: an uploaded recording, else "… außerhalb unserer Öffnungszeiten … am Montag, von 8 Uhr
     * bis 17 Uhr …" for the next three days the municipality answers (weekly hours, date exceptions and public
     * holidays, from tenancy's {@link TenantDirectory#openingHours} and {@link TenantDirectory#openingStatus}).
     */
    CompletableFuture<Clip> closed(TenantInfo tenant, Instant now) {
        return upload(tenant.id(), PromptSituation.CLOSED)
                .orElseGet(() -> CompletableFuture.supplyAsync(() -> closedAnnouncement(tenant, now), executor));
    }

    private Clip closedAnnouncement(TenantInfo tenant, Instant now) {
        List<Clip> parts = new ArrayList<>();
        parts.add(speakOrNothing(greetingText(tenant)));
        parts.add(speakOrNothing("Sie rufen außerhalb unserer Öffnungszeiten an."));
        List<OpeningDay> days = nextOpeningDays(tenant.id(), now, 3);
        if (days.isEmpty()) {
            parts.add(speakOrNothing("Bitte versuchen Sie es zu einem späteren Zeitpunkt noch einmal."));
        } else {
            parts.add(speakOrNothing("Sie erreichen uns wieder"));
            for (OpeningDay day : days) {
                parts.add(speakOrNothing("am"));
                parts.add(speakOrNothing(weekday(day.date().getDayOfWeek()) + ","));
                for (int i = 0; i < day.ranges().size(); i++) {
                    TimeRange range = day.ranges().get(i);
                    if (i > 0) {
                        parts.add(speakOrNothing("und"));
                    }
                    parts.add(speakOrNothing("von"));
                    parts.add(speakOrNothing(time(range.opens())));
                    parts.add(speakOrNothing("bis"));
                    parts.add(speakOrNothing(time(range.closes()) + "."));
                }
                parts.add(Clip.silence(300));
            }
        }
        parts.add(speakOrNothing("Vielen Dank für Ihren Anruf. Auf Wiederhören."));
        return Clip.concat(parts);
    }

    record OpeningDay(LocalDate date, List<TimeRange> ranges) {}

    /** The next {@code count} days with opening hours still ahead, holidays and closed exceptions skipped. */
    List<OpeningDay> nextOpeningDays(UUID tenantId, Instant now, int count) {
        Optional<OpeningHours> hours = tenants.openingHours(tenantId);
        List<OpeningDay> days = new ArrayList<>();
        if (hours.isEmpty()) {
            return days;
        }
        LocalDate today = now.atZone(ZONE).toLocalDate();
        LocalTime nowTime = now.atZone(ZONE).toLocalTime();
        for (int i = 0; i < 21 && days.size() < count; i++) {
            int offset = i;
            LocalDate date = today.plusDays(offset);
            List<TimeRange> ranges = hours.get()
                    .exceptionOn(date)
                    .map(OpeningException::hours)
                    .orElseGet(() -> hours.get().on(date.getDayOfWeek()));
            List<TimeRange> ahead = ranges.stream()
                    .filter(r -> r.opens() != null && r.closes() != null)
                    .filter(r -> offset > 0 || r.opens().isAfter(nowTime))
                    .filter(r -> tenants.openingStatus(
                                    tenantId,
                                    date.atTime(r.opens()).atZone(ZONE).toInstant())
                            .open())
                    .toList();
            if (!ahead.isEmpty()) {
                days.add(new OpeningDay(date, ahead));
            }
        }
        return days;
    }

    static String weekday(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.GERMAN);
    }

    /** 8:00 → "8 Uhr", 8:30 → "8 Uhr 30" (as a German announcement says it). */
    static String time(LocalTime time) {
        return time.getMinute() == 0 ? time.getHour() + " Uhr" : time.getHour() + " Uhr " + time.getMinute();
    }

    private Optional<CompletableFuture<Clip>> upload(UUID tenantId, PromptSituation situation) {
        return uploads.computeIfAbsent(tenantId + "/" + situation, k -> {
                    try {
                        return store.prompt(tenantId, situation).map(VoiceStore.StoredPrompt::clip);
                    } catch (RuntimeException e) {
                        log.warn("Prompt {} of {} not read: {}", situation, tenantId, e.toString());
                        return Optional.empty();
                    }
                })
                .map(CompletableFuture::completedFuture);
    }

    private Clip speakOrNothing(String text) {
        try {
            return speech.speak(text);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not speak \"{}\": {}", text, e.toString());
            return Clip.silence(300);
        }
    }
}
