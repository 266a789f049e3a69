package de.buergerservice.shared.privacy;

import java.util.List;

/**
 * A module's part in the rights of access and erasure (DSGVO Art. 15, 17): it finds what it stores about a
 * {@link DataSubject} in its own tables and erases it. Found by Spring injection; the privacy module calls every
 * provider inside one transaction and audits the request. Callers have checked that the user is an administrator.
 */
public interface PersonalDataProvider {

    /** The module's name as it appears in the export, e.g. {@code telephony}. */
    String module();

    /** Everything the module stores about the subject, as JSON-ready records (views or maps, no entities). */
    List<?> export(DataSubject subject);

    /**
     * Erases the subject: deletes records that serve nobody without the person, anonymises (nulls the personal
     * fields of) records a KPI or a legal duty still needs. Returns the number of records changed. Afterwards
     * {@link #export} finds nothing.
     */
    int erase(DataSubject subject);
}
