/**
 * The common contracts of data protection (DSGVO): retention per data kind ({@link
 * de.buergerservice.shared.privacy.RetentionTask}, run by {@link de.buergerservice.shared.privacy.RetentionScheduler}),
 * the rights of access and erasure ({@link de.buergerservice.shared.privacy.PersonalDataProvider}) and the access log
 * ({@link de.buergerservice.shared.privacy.AccessLog}). Every module implements them on its own tables.
 */
package de.buergerservice.shared.privacy;
