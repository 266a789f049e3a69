package de.buergerservice.contact.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.contact.ContactOutcome;
import de.buergerservice.contact.ContactOutcomes;

/** {@link ContactOutcomes} for reporting: one grouped query per municipality and interval. */
@Service
class OutcomeCounts implements ContactOutcomes {

    private final ContactStore store;

    OutcomeCounts(ContactStore store) {
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<ContactOutcome, Long> countDocumented(UUID tenantId, Instant from, Instant to) {
        return store.countDocumented(tenantId, from, to);
    }
}
