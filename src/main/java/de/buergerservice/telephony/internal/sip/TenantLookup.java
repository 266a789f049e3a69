package de.buergerservice.telephony.internal.sip;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import de.buergerservice.tenancy.OpeningStatus;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * Dialled number → municipality and "open now?", cached for a few seconds: at hundreds of calls a second the same
 * few numbers are asked again and again, and an opening-hours change may take effect a few seconds late.
 */
class TenantLookup {

    private static final long TTL_MILLIS = 10_000;

    private record Entry<T>(T value, long expires) {}

    private final TenantDirectory tenants;
    private final Clock clock;
    private final Map<String, Entry<Optional<TenantInfo>>> byNumber = new ConcurrentHashMap<>();
    private final Map<UUID, Entry<OpeningStatus>> status = new ConcurrentHashMap<>();

    TenantLookup(TenantDirectory tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    Optional<TenantInfo> byNumber(String number) {
        long now = System.currentTimeMillis();
        Entry<Optional<TenantInfo>> entry = byNumber.get(number);
        if (entry == null || entry.expires < now) {
            Optional<TenantInfo> tenant;
            try {
                tenant = tenants.findByPhoneNumber(number);
            } catch (RuntimeException e) {
                tenant = Optional.empty(); // not a phone number at all
            }
            entry = new Entry<>(tenant, now + TTL_MILLIS);
            if (byNumber.size() > 10_000) {
                byNumber.clear(); // garbage numbers must not fill the memory
            }
            byNumber.put(number, entry);
        }
        return entry.value;
    }

    /** Opening status now, cached per 10-second window: hours change on whole minutes, so it stays exact. */
    OpeningStatus openingStatus(UUID tenantId) {
        Instant now = clock.instant();
        long window = now.toEpochMilli() / TTL_MILLIS;
        Entry<OpeningStatus> entry = status.get(tenantId);
        if (entry == null || entry.expires != window) {
            entry = new Entry<>(tenants.openingStatus(tenantId, now), window);
            status.put(tenantId, entry);
        }
        return entry.value;
    }
}
