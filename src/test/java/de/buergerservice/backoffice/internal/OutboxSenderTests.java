package de.buergerservice.backoffice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** What the sender makes of the SMTP server's answers, and its back-off. */
class OutboxSenderTests {

    @Test
    void givenAPermanentRefusal_thenTheServersAnswerIsKept_andItIsNotRetried() {
        MailSendException refused = new MailSendException(Map.of(
                new MimeMessage((jakarta.mail.Session) null),
                new SendFailedException("550 5.1.1 <x@example.org>: mailbox unavailable")));
        assertThat(OutboxSender.answer(refused)).isEqualTo("550 5.1.1 <x@example.org>: mailbox unavailable");
        assertThat(OutboxSender.permanent(refused)).isTrue();
    }

    @Test
    void givenATemporaryRefusal_thenItIsRetried() {
        MailSendException busy = new MailSendException(
                Map.of(new MimeMessage((jakarta.mail.Session) null), new SendFailedException("451 4.3.0 try later")));
        assertThat(OutboxSender.permanent(busy)).isFalse();
        assertThat(OutboxSender.answer(busy)).isEqualTo("451 4.3.0 try later");
    }

    @Test
    void givenNoServer_thenTheConnectionErrorIsKept_andItIsRetried() {
        MessagingException down = new MessagingException(
                "Couldn't connect to host, port: 127.0.0.1, 2525; timeout -1",
                new ConnectException("Connection refused"));
        var wrapped = new org.springframework.mail.MailSendException("Mail server connection failed", down);
        assertThat(OutboxSender.answer(wrapped)).isEqualTo("Connection refused");
        assertThat(OutboxSender.permanent(wrapped)).isFalse();
    }

    @Test
    void givenRepeatedFailures_thenTheWaitDoublesUpToTheMaximum() {
        BackofficeProperties.Mail mail = new BackofficeProperties.Mail(
                null, null, null, Duration.ofSeconds(30), Duration.ofMinutes(5), 0, 0, null);
        assertThat(mail.retryWait(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(mail.retryWait(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(mail.retryWait(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(mail.retryWait(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(mail.retryWait(50)).isEqualTo(Duration.ofMinutes(5));
    }
}
