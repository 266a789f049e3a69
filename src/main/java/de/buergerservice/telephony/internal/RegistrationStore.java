package de.buergerservice.telephony.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Phone registrations in {@code telephony_registration}, for the registrar: one binding per agent, replaced on
 * every REGISTER. On H2 each change is stored to the file at once (CHECKPOINT), so a phone that registered just
 * before a crash is still known afterwards; registrations are rare (a phone refreshes every few minutes to an hour).
 */
@Repository
public class RegistrationStore {

    /** A binding as stored: where the agent's phone is reachable, over which transport, until when. */
    public record StoredBinding(UUID agentId, String sipUser, String contact, String transport, Instant expiresAt) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private volatile Boolean h2;

    RegistrationStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public void save(StoredBinding binding, Instant now) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("delete from telephony_registration where agent_id = ?", binding.agentId());
            jdbc.update(
                    "insert into telephony_registration (agent_id, sip_user, contact, transport, expires_at,"
                            + " registered_at) select ?, ?, ?, ?, ?, ? from telephony_agent where id = ?",
                    binding.agentId(),
                    binding.sipUser(),
                    binding.contact(),
                    binding.transport(),
                    OffsetDateTime.ofInstant(binding.expiresAt(), ZoneOffset.UTC),
                    OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                    binding.agentId());
        });
        stored();
    }

    public void delete(UUID agentId) {
        jdbc.update("delete from telephony_registration where agent_id = ?", agentId);
        stored();
    }

    /** Bindings still valid at {@code now}; expired ones are removed. */
    public List<StoredBinding> unexpired(Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        jdbc.update("delete from telephony_registration where expires_at <= ?", at);
        return jdbc.query(
                "select agent_id, sip_user, contact, transport, expires_at from telephony_registration"
                        + " where expires_at > ? order by sip_user",
                (rs, row) -> new StoredBinding(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, Timestamp.class).toInstant()),
                at);
    }

    private void stored() {
        if (h2 == null) {
            h2 = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>)
                    c -> c.getMetaData().getDatabaseProductName().equalsIgnoreCase("H2")));
        }
        if (h2) {
            jdbc.execute("checkpoint");
        }
    }
}
