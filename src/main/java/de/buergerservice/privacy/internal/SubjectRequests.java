package de.buergerservice.privacy.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.shared.audit.ChangeRecorder;
import de.buergerservice.shared.privacy.AccessLog;
import de.buergerservice.shared.privacy.DataSubject;
import de.buergerservice.shared.privacy.PersonalDataProvider;
import de.buergerservice.shared.privacy.PersonalDataRead.Access;

/**
 * Requests of a data subject, handled by an administrator: the export (Auskunft, Art. 15) and the erasure (Löschung,
 * Art. 17) across every module. Each request is one transaction over all modules — an erasure is complete or not
 * made at all — and leaves an audit entry ({@code PrivacyExport}, {@code PrivacyErasure}) and an access-log line. The
 * audit keeps only the masked subject ({@code …12}): a log that kept the erased number would undo the erasure.
 */
@Service
public class SubjectRequests {

    private final List<PersonalDataProvider> providers;
    private final ChangeRecorder changes;
    private final AccessLog accessLog;
    private final Clock clock;

    SubjectRequests(List<PersonalDataProvider> providers, ChangeRecorder changes, AccessLog accessLog, Clock clock) {
        this.providers = providers.stream()
                .sorted(Comparator.comparing(PersonalDataProvider::module))
                .toList();
        this.changes = changes;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** Everything stored about the subject, per module; modules without data are listed with an empty list. */
    public record SubjectExport(
            DataSubject.Kind kind, String subject, Instant exportedAt, Map<String, List<?>> modules) {

        public int records() {
            return modules.values().stream().mapToInt(List::size).sum();
        }
    }

    /** How many records each module erased or anonymised. */
    public record Erasure(DataSubject.Kind kind, Instant erasedAt, Map<String, Integer> modules) {

        public int records() {
            return modules.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** What the audit entry holds. */
    record AuditedRequest(String kind, String subject, int records, Map<String, Integer> modules) {}

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public SubjectExport export(DataSubject subject) {
        Map<String, List<?>> modules = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PersonalDataProvider provider : providers) {
            List<?> records = provider.export(subject);
            modules.merge(provider.module(), records, SubjectRequests::concat);
            counts.merge(provider.module(), records.size(), Integer::sum);
        }
        SubjectExport export = new SubjectExport(subject.kind(), subject.value(), clock.instant(), modules);
        audit("PrivacyExport", Access.EXPORT, subject, export.records(), counts);
        return export;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Erasure erase(DataSubject subject) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PersonalDataProvider provider : providers) {
            counts.merge(provider.module(), provider.erase(subject), Integer::sum);
        }
        Erasure erasure = new Erasure(subject.kind(), clock.instant(), counts);
        audit("PrivacyErasure", Access.ERASE, subject, erasure.records(), counts);
        return erasure;
    }

    private void audit(String type, Access access, DataSubject subject, int records, Map<String, Integer> counts) {
        UUID request = UUID.randomUUID();
        changes.created(
                type, request, null, new AuditedRequest(subject.kind().name(), subject.masked(), records, counts));
        accessLog.record(type, request, null, access, subject.kind() + " " + subject.masked() + ": " + records);
    }

    private static List<?> concat(List<?> a, List<?> b) {
        List<Object> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
