package de.buergerservice.telephony.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import de.buergerservice.shared.web.ConflictException;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.internal.AgentData;
import de.buergerservice.telephony.internal.AgentService;
import de.buergerservice.telephony.internal.AgentView;
import de.buergerservice.telephony.internal.QueueService;
import de.buergerservice.telephony.internal.QueueSettingsData;
import de.buergerservice.telephony.internal.QueueView;
import de.buergerservice.telephony.internal.routing.RoutingException;
import de.buergerservice.telephony.internal.routing.Switchboard;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * REST API of the switchboard: live queues and agents, agent states, agent administration (SIP credentials,
 * skills; also in bulk) and each municipality's line settings. The switchboard serves all municipalities, so only
 * the ServiceCenter's roles (administrator, supervisor, agent) may call it; tenant-bound back-office and
 * management users get 403.
 */
@RestController
class TelephonyApiController {

    static final String STAFF = "hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')";
    static final String MANAGERS = "hasAnyRole('ADMIN', 'SUPERVISOR')";

    private final AgentService agents;
    private final QueueService queues;
    private final Switchboard switchboard;
    private final TelephonyStream stream;
    private final TenantDirectory tenants;
    private final CurrentAgent currentAgent;

    TelephonyApiController(
            AgentService agents,
            QueueService queues,
            Switchboard switchboard,
            TelephonyStream stream,
            TenantDirectory tenants,
            CurrentAgent currentAgent) {
        this.agents = agents;
        this.queues = queues;
        this.switchboard = switchboard;
        this.stream = stream;
        this.tenants = tenants;
        this.currentAgent = currentAgent;
    }

    /** A state an agent asks for: AVAILABLE, PAUSED (with reason) or LOGGED_OUT. */
    record StateChange(String state, @Size(max = 100) String reason) {}

    /** Many agents at once (load tests, initial set-up): all are created or none. */
    record AgentBatch(@NotNull @Size(min = 1, max = 5000) List<@Valid @NotNull AgentData> agents) {}

    @GetMapping("/api/v1/telephony/queues")
    @PreAuthorize(STAFF)
    List<QueueView> queues() {
        return queues.views();
    }

    @GetMapping("/api/v1/telephony/agents")
    @PreAuthorize(STAFF)
    List<AgentView> agents() {
        return agents.list();
    }

    @GetMapping("/api/v1/telephony/agents/{agentId}")
    @PreAuthorize(STAFF)
    AgentView agent(@PathVariable UUID agentId) {
        return agents.get(agentId);
    }

    @PostMapping("/api/v1/telephony/agents")
    @PreAuthorize(MANAGERS)
    ResponseEntity<AgentView> create(@Valid @RequestBody AgentData data) {
        AgentView created = agents.create(data);
        return ResponseEntity.created(URI.create("/api/v1/telephony/agents/" + created.id()))
                .body(created);
    }

    @PostMapping("/api/v1/telephony/agents/bulk")
    @PreAuthorize(MANAGERS)
    ResponseEntity<Map<String, Object>> createAll(@Valid @RequestBody AgentBatch batch) {
        List<UUID> ids = agents.createAll(batch.agents());
        return ResponseEntity.status(201).body(Map.of("created", ids.size(), "ids", ids));
    }

    @PutMapping("/api/v1/telephony/agents/{agentId}")
    @PreAuthorize(MANAGERS)
    AgentView update(@PathVariable UUID agentId, @Valid @RequestBody AgentData data) {
        return agents.update(agentId, data);
    }

    @DeleteMapping("/api/v1/telephony/agents/{agentId}")
    @PreAuthorize(MANAGERS)
    ResponseEntity<Void> delete(@PathVariable UUID agentId) {
        try {
            agents.delete(agentId);
        } catch (RoutingException e) {
            throw new ConflictException("agentInCall");
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * Log in, pause, log out: agents their own state, supervisors and administrators anyone's. AVAILABLE needs a
     * registered phone (409 otherwise); a supervisor's LOGGED_OUT succeeds in every state.
     */
    @PutMapping("/api/v1/agents/{agentId}/state")
    @PreAuthorize(STAFF)
    AgentView changeState(
            @PathVariable UUID agentId, @Valid @RequestBody StateChange change, Authentication authentication) {
        AgentView agent = agents.get(agentId);
        if (!CurrentAgent.mayManage(authentication) && !isSelf(agent, authentication)) {
            throw new AccessDeniedException("only the agent or a supervisor may change this state");
        }
        AgentState state = parse(change.state());
        try {
            return CurrentAgent.mayManage(authentication) && !isSelf(agent, authentication)
                    ? agents.setBySupervisor(agentId, state, change.reason(), CurrentAgent.username(authentication))
                    : agents.requestState(agentId, state, change.reason());
        } catch (RoutingException e) {
            if (e.kind() == RoutingException.Kind.NOT_REQUESTABLE) {
                throw new InvalidFieldException("state", "validation.telephony.state");
            }
            if (e.kind() == RoutingException.Kind.NO_PHONE) {
                throw new ConflictException("noPhone", agent.sipUser());
            }
            throw new ConflictException("agentState", agent.state().name(), state.name());
        }
    }

    @GetMapping("/api/v1/tenants/{slug}/telephony")
    @PreAuthorize(MANAGERS)
    QueueView line(@PathVariable String slug) {
        return queues.view(tenant(slug).id());
    }

    @PutMapping("/api/v1/tenants/{slug}/telephony")
    @PreAuthorize(MANAGERS)
    QueueView updateLine(@PathVariable String slug, @Valid @RequestBody QueueSettingsData data) {
        return queues.update(tenant(slug).id(), data);
    }

    /** Server-sent events: a {@code telephony} event with the whole live state at once and on every change. */
    @GetMapping(path = "/api/v1/telephony/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize(STAFF)
    SseEmitter stream() {
        return stream.open(switchboard.snapshot());
    }

    private TenantInfo tenant(String slug) {
        return tenants.findBySlug(slug).orElseThrow(() -> new ResourceNotFoundException("tenant"));
    }

    static AgentState parse(String state) {
        try {
            AgentState parsed =
                    AgentState.valueOf(state == null ? "" : state.strip().toUpperCase());
            if (!parsed.requestable()) {
                throw new InvalidFieldException("state", "validation.telephony.state");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("state", "validation.telephony.state");
        }
    }

    private boolean isSelf(AgentView agent, Authentication authentication) {
        return currentAgent
                .of(authentication)
                .map(a -> a.id().equals(agent.id()))
                .orElse(false);
    }
}
