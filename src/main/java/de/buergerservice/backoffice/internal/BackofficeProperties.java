package de.buergerservice.backoffice.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the back office ({@code buergerservice.backoffice.*}).
 *
 * @param deadline service time a department has to answer a hand-off when its municipality has no agreement in
 *     force (agreements carry their own, {@code AgreementInfo#callbackDeadlineServiceHours}) — the 115 promise of 24
 *     service hours
 * @param escalationInterval how often overdue tickets are looked for
 * @param baseUrl where the product is reached, for the links in mails
 * @param mail the outbox's sender
 */
@ConfigurationProperties("buergerservice.backoffice")
public record BackofficeProperties(Duration deadline, Duration escalationInterval, String baseUrl, Mail mail) {

    public BackofficeProperties {
        deadline = deadline == null ? Duration.ofHours(24) : deadline;
        escalationInterval = escalationInterval == null ? Duration.ofMinutes(1) : escalationInterval;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        mail = mail == null ? new Mail(null, null, null, null, null, 0, 0, null) : mail;
    }

    /**
     * @param from the sender address of every mail
     * @param supervisors addresses that get every escalation besides the department (besides the ServiceCenter's
     *     users with the supervisor role)
     * @param poll how often the sender looks for due mails
     * @param firstRetry wait after the first failed attempt; doubled after each further one, up to {@code
     *     maxRetryWait}
     * @param maxRetryWait the longest wait between two attempts
     * @param maxAttempts attempts before a mail is marked failed (a permanent refusal, 5xx, fails at once)
     * @param batch mails claimed per round
     * @param lease how long a claimed mail is left to its sender before another may take it (longer than the SMTP
     *     time-outs, so only a sender that died mid-send loses its claim)
     */
    public record Mail(
            String from,
            List<String> supervisors,
            Duration poll,
            Duration firstRetry,
            Duration maxRetryWait,
            int maxAttempts,
            int batch,
            Duration lease) {

        public Mail {
            from = from == null || from.isBlank() ? "buergerservice@localhost" : from;
            supervisors = supervisors == null ? List.of() : List.copyOf(supervisors);
            poll = poll == null ? Duration.ofSeconds(5) : poll;
            firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
            maxRetryWait = maxRetryWait == null ? Duration.ofHours(1) : maxRetryWait;
            maxAttempts = maxAttempts <= 0 ? 20 : maxAttempts;
            batch = batch <= 0 ? 20 : batch;
            lease = lease == null ? Duration.ofMinutes(5) : lease;
        }

        /** Wait before attempt {@code attempts + 1}: {@code firstRetry · 2^(attempts−1)}, at most the maximum. */
        Duration retryWait(int attempts) {
            Duration wait = firstRetry;
            for (int i = 1; i < attempts && wait.compareTo(maxRetryWait) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxRetryWait) > 0 ? maxRetryWait : wait;
        }
    }
}
