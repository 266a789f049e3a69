package de.buergerservice.backoffice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.buergerservice.contact.DeskCalls;

/**
 * The product with a real SMTP server: GreenMail on a free port of 127.0.0.1, which a test may stop and start
 * again (an outage), and the contact tests' calls through the switchboard for the agent's desk. The sender polls every 100 ms and retries after 200 ms, doubling up to 1 s. Test classes
 * that extend this share one application context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(DeskCalls.class)
abstract class WithSmtpServer {

    static final int SMTP_PORT = freeTcpPort();

    private static GreenMail smtp;

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("buergerservice.backoffice.mail.poll", () -> "100ms");
        registry.add("buergerservice.backoffice.mail.first-retry", () -> "200ms");
        registry.add("buergerservice.backoffice.mail.max-retry-wait", () -> "1s");
    }

    static synchronized void startSmtp() {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
    }

    static synchronized void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    /** Every mail GreenMail received since this server was started. */
    static synchronized List<MimeMessage> received() {
        return smtp == null ? List.of() : Arrays.asList(smtp.getReceivedMessages());
    }

    static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freeTcpPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
