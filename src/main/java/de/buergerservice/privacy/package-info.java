/**
 * Datenschutz: the data subject's rights of access and erasure (DSGVO Art. 15, 17) for administrators — an export of
 * everything stored about a phone number or an e-mail address as JSON, and its erasure — collected from every
 * module's {@link de.buergerservice.shared.privacy.PersonalDataProvider}. Both requests are audited. Owns no table:
 * each module finds and erases its own data; retention runs in shared's
 * {@link de.buergerservice.shared.privacy.RetentionScheduler}.
 */
@ApplicationModule(
        displayName = "Datenschutz (privacy)",
        allowedDependencies = {"shared"})
package de.buergerservice.privacy;

import org.springframework.modulith.ApplicationModule;
