package de.buergerservice.backoffice.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import de.buergerservice.shared.web.ConflictException;
import de.buergerservice.shared.web.ResourceNotFoundException;

/** The administrator's view of the outbox: every mail with its state and the server's last answer; resend. */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class OutboxAdministration {

    static final int PAGE = 200;

    private final Outbox outbox;
    private final OutboxSender sender;

    OutboxAdministration(Outbox outbox, OutboxSender sender) {
        this.outbox = outbox;
        this.sender = sender;
    }

    /** The newest mails, optionally of one status. */
    public List<OutboxMail> list(OutboxStatus status) {
        return outbox.list(null, status, PAGE);
    }

    public OutboxMail get(UUID id) {
        return outbox.find(id).orElseThrow(() -> new ResourceNotFoundException("mail"));
    }

    /** Whether an SMTP server is configured (without one, mails stay here). */
    public boolean sending() {
        return sender.enabled();
    }

    /** A failed (or waiting) mail is due again now; a mail sent or being sent is not sent twice. */
    public void resend(UUID id) {
        get(id);
        if (!outbox.requeue(id)) {
            throw new ConflictException("mailNotResendable");
        }
    }
}
