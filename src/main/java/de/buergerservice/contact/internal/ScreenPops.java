package de.buergerservice.contact.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import de.buergerservice.shared.security.TenantScope;
import de.buergerservice.telephony.CallEventFeed;
import de.buergerservice.telephony.CallEventRecord;
import de.buergerservice.telephony.CallEventType;
import de.buergerservice.tenancy.OpeningHours;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;
import de.buergerservice.tenancy.TimeRange;

/**
 * Builds the {@link ScreenPop} of a call from its call events (before it has a contact: while the phone rings) or
 * of a phone contact. The greeting is the municipality's own, its placeholder "…" filled with the agent's name.
 */
@Service
public class ScreenPops {

    private final CallEventFeed feed;
    private final TenantDirectory tenants;
    private final TenantScope scope;
    private final ContactService contacts;
    private final ContactStore store;
    private final Clock clock;

    ScreenPops(
            CallEventFeed feed,
            TenantDirectory tenants,
            TenantScope scope,
            ContactService contacts,
            ContactStore store,
            Clock clock) {
        this.feed = feed;
        this.tenants = tenants;
        this.scope = scope;
        this.contacts = contacts;
        this.store = store;
        this.clock = clock;
    }

    /** The pop of a call that rings or was answered; empty for an unknown call or a foreign municipality. */
    @PreAuthorize(ContactService.WRITE)
    public Optional<ScreenPop> ofCall(String callId, String agentName) {
        List<CallEventRecord> events = feed.ofCall(callId);
        Optional<CallEventRecord> offered = events.stream()
                .filter(e -> e.type() == CallEventType.CALL_OFFERED)
                .findFirst();
        if (offered.isEmpty()
                || offered.get().tenantId() == null
                || !scope.permits(offered.get().tenantId())) {
            return Optional.empty();
        }
        CallEventRecord first = offered.get();
        CallEventRecord reached = events.stream()
                .filter(e -> e.type() == CallEventType.AGENT_RINGING || e.type() == CallEventType.ANSWERED)
                .reduce((a, b) -> b)
                .orElse(first);
        UUID contactId =
                store.findByCallId(first.callId()).map(ContactRecord::id).orElse(null);
        return pop(
                first.tenantId(),
                callId,
                contactId,
                first.callerNumber(),
                Duration.between(first.at(), reached.at()).toSeconds(),
                agentName);
    }

    /** The pop of a contact (for a phone contact with its caller and wait); 404 for a foreign contact. */
    @PreAuthorize(ContactService.WRITE)
    public Optional<ScreenPop> ofContact(UUID contactId, String agentName) {
        contacts.get(contactId); // the tenant check
        return store.find(contactId)
                .flatMap(c -> pop(
                        c.tenantId(),
                        c.callId(),
                        c.id(),
                        c.callerNumber(),
                        c.waitMs() == null ? 0 : c.waitMs() / 1000,
                        agentName));
    }

    private Optional<ScreenPop> pop(
            UUID tenantId, String callId, UUID contactId, String callerNumber, long waitSeconds, String agentName) {
        Optional<TenantInfo> tenant = tenants.findById(tenantId);
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        TenantInfo t = tenant.get();
        return Optional.of(new ScreenPop(
                callId,
                contactId,
                t.id(),
                t.slug(),
                t.name(),
                greeting(t, agentName),
                callerNumber,
                waitSeconds,
                tenants.isOpen(t.id(), clock.instant()),
                hours(tenants.openingHours(t.id()).orElse(OpeningHours.closed())),
                contacts.earlier(callerNumber, contactId)));
    }

    static String greeting(TenantInfo tenant, String agentName) {
        String greeting = tenant.greeting() == null || tenant.greeting().isBlank()
                ? tenant.name() + ", ServiceCenter, guten Tag, mein Name ist …"
                : tenant.greeting();
        return agentName == null || agentName.isBlank() ? greeting : greeting.replace("…", agentName);
    }

    /** "Mo 08:00–17:00" per weekday with hours, in weekday order. */
    static List<String> hours(OpeningHours hours) {
        List<String> lines = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<TimeRange> ranges = hours.weekly().get(day);
            if (ranges != null && !ranges.isEmpty()) {
                lines.add(day.getDisplayName(TextStyle.SHORT, Locale.GERMAN).replace(".", "") + " "
                        + ranges.stream().map(ScreenPops::range).collect(Collectors.joining(", ")));
            }
        }
        return lines;
    }

    private static String range(TimeRange r) {
        return r.opens() + "–" + (r.untilMidnight() ? "24:00" : r.closes().toString());
    }
}
