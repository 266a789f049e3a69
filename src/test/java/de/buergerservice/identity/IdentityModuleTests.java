package de.buergerservice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.identity.internal.AuditLog;
import de.buergerservice.shared.audit.AuditedChange;
import de.buergerservice.shared.audit.AuditedChange.Action;
import de.buergerservice.shared.audit.AuditedChange.FieldChange;
import de.buergerservice.shared.security.Role;

/**
 * The identity module with what it depends on (tenancy, the shared kernel): the users other modules may ask for,
 * and the audit log that hears every audited change of the other modules inside their transaction.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "shared")
@ActiveProfiles("test")
class IdentityModuleTests {

    @Autowired
    UserDirectory users;

    @Autowired
    AuditLog auditLog;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void otherModulesFindTheAgents() {
        assertThat(users.withRole(Role.AGENT)).extracting(UserInfo::username).contains("agent1", "agent2");
        assertThat(users.findByUsername("artland-backoffice")).isPresent();
    }

    @Test
    @WithMockUser(username = "editor", roles = "ADMIN")
    void aCommittedChangeOfAnotherModuleIsInTheAuditLogAndARolledBackOneIsNot() {
        UUID kept = UUID.randomUUID();
        UUID rolledBack = UUID.randomUUID();
        transaction.executeWithoutResult(status -> publish(kept));
        transaction.executeWithoutResult(status -> {
            publish(rolledBack);
            status.setRollbackOnly();
        });

        assertThat(auditLog.search("Example", kept, null, 0, 10).getContent())
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.actor()).isEqualTo("editor");
                    assertThat(entry.action()).isEqualTo(Action.UPDATED);
                });
        assertThat(auditLog.search("Example", rolledBack, null, 0, 10).getContent())
                .isEmpty();
    }

    private void publish(UUID entityId) {
        events.publishEvent(new AuditedChange(
                "Example", entityId, null, Action.UPDATED, Map.of("title", new FieldChange("alt", "neu"))));
    }
}
