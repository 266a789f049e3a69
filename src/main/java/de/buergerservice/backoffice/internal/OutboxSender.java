package de.buergerservice.backoffice.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox through SMTP. Each mail goes through three steps, each its own committed change:
 *
 * <ol>
 *   <li>claim: one conditional update marks it {@code SENDING}, counts the attempt and gives this sender a lease —
 *       of two senders only one gets the row;
 *   <li>send, with the mail's fixed Message-ID;
 *   <li>mark it {@code SENT}, or {@code WAITING} with the next attempt after an exponential back-off (the SMTP
 *       server's answer kept), or {@code FAILED} after a permanent refusal or the last attempt.
 * </ol>
 *
 * A mail is never lost: it leaves the outbox table never, and a sender that dies between the steps leaves it
 * {@code SENDING}, to be taken again when its lease has run out. A mail is never sent again once marked
 * {@code SENT}, also not after a restart. The one window SMTP itself leaves open — the server accepted the mail
 * and the sender died before step 3 — ends in a second delivery with the same Message-ID, which receiving systems
 * recognise as the same message.
 *
 * <p>Without an SMTP server configured ({@code spring.mail.host} unset: the embedded default) there is no
 * {@link JavaMailSender}; the mails wait in the outbox and can be read on the administrator's page.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final BackofficeProperties.Mail settings;
    private final Clock clock;

    OutboxSender(
            Outbox outbox, ObjectProvider<JavaMailSender> mailSender, BackofficeProperties properties, Clock clock) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.settings = properties.mail();
        this.clock = clock;
    }

    /** Whether an SMTP server is configured; without one, mails stay in the outbox. */
    boolean enabled() {
        return mailSender.getIfAvailable() != null;
    }

    @Scheduled(
            initialDelayString = "${buergerservice.backoffice.mail.poll:5s}",
            fixedDelayString = "${buergerservice.backoffice.mail.poll:5s}")
    public void sendDue() {
        JavaMailSender smtp = mailSender.getIfAvailable();
        if (smtp == null) {
            return;
        }
        for (UUID id : outbox.claimable(settings.batch())) {
            outbox.claim(id, settings.lease()).ifPresent(mail -> send(smtp, mail));
        }
    }

    private void send(JavaMailSender smtp, OutboxMail mail) {
        try {
            smtp.send(message(smtp, mail));
            outbox.sent(mail.id());
        } catch (MailException | MessagingException e) {
            String answer = answer(e);
            Instant retryAt = permanent(e) || mail.attempts() >= settings.maxAttempts()
                    ? null
                    : clock.instant().plus(settings.retryWait(mail.attempts()));
            outbox.failed(mail.id(), answer, retryAt);
            log.warn(
                    "Mail {} to {} not sent (attempt {}): {}; {}",
                    mail.messageId(),
                    mail.recipient(),
                    mail.attempts(),
                    answer,
                    retryAt == null ? "given up" : "next attempt " + retryAt);
        }
    }

    private static MimeMessage message(JavaMailSender smtp, OutboxMail mail) throws MessagingException {
        MimeMessage message = smtp.createMimeMessage();
        message.setFrom(new InternetAddress(mail.sender()));
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.recipient()));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.body(), StandardCharsets.UTF_8.name());
        message.setSentDate(java.util.Date.from(mail.createdAt()));
        // Spring's JavaMailSenderImpl keeps a Message-ID that was set before it saves the message
        message.setHeader("Message-ID", mail.messageId());
        return message;
    }

    /** An SMTP reply: three digits, then a space or a dash (e.g. {@code 550 5.1.1 mailbox unavailable}). */
    private static final Pattern REPLY = Pattern.compile("^([2-5]\\d\\d)[ -].*", Pattern.DOTALL);

    /** The SMTP server's answer (e.g. {@code 550 5.1.1 mailbox unavailable}), else the innermost error. */
    static String answer(Exception e) {
        Throwable shown = reply(e).orElseGet(() -> innermost(e));
        String text = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        return text.strip();
    }

    /** A 5xx answer: the server refuses the mail for good, so waiting would not help. */
    static boolean permanent(Exception e) {
        return reply(e).map(t -> t.getMessage().strip().charAt(0) == '5').orElse(false);
    }

    /** The first error in the chain that carries an SMTP reply. */
    private static Optional<Throwable> reply(Exception e) {
        Throwable start = e;
        if (e instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
            start = send.getFailedMessages().values().iterator().next();
        }
        for (Throwable t = start; t != null; t = next(t)) {
            if (t.getMessage() != null && REPLY.matcher(t.getMessage().strip()).matches()) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static Throwable innermost(Throwable e) {
        Throwable t = e;
        while (next(t) != null) {
            t = next(t);
        }
        return t;
    }
}
