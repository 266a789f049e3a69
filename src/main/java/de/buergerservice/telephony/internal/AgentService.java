package de.buergerservice.telephony.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import de.buergerservice.identity.UserDirectory;
import de.buergerservice.identity.UserInfo;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.TelephonyAgents;
import de.buergerservice.telephony.TelephonySnapshot.AgentStatus;
import de.buergerservice.telephony.internal.routing.Skill;
import de.buergerservice.telephony.internal.routing.Switchboard;
import de.buergerservice.tenancy.TenantDeleted;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * Agents: stored identity, SIP credentials (as HA1 only) and skills, kept in step with the routing core. Role
 * checks are made by the callers (REST controllers, agent desktop).
 */
@Service
public class AgentService implements TelephonyAgents {

    private final AgentStore store;
    private final Switchboard switchboard;
    private final TenantDirectory tenants;
    private final UserDirectory users;
    private final Clock clock;
    private final String realm;
    private final Map<String, SipCredential> credentials = new ConcurrentHashMap<>();
    private final Map<UUID, AgentRecord> agents = new ConcurrentHashMap<>();

    AgentService(
            AgentStore store,
            Switchboard switchboard,
            TenantDirectory tenants,
            UserDirectory users,
            Clock clock,
            @Value("${buergerservice.sip.realm:buergerservice}") String realm) {
        this.store = store;
        this.switchboard = switchboard;
        this.tenants = tenants;
        this.users = users;
        this.clock = clock;
        this.realm = realm;
        store.findAll().forEach(this::remember);
    }

    public String realm() {
        return realm;
    }

    /** The credential of a SIP user name (case-insensitive), for the registrar. */
    public Optional<SipCredential> credential(String sipUser) {
        return Optional.ofNullable(credentials.get(sipUser.toLowerCase(Locale.ROOT)));
    }

    public List<AgentView> list() {
        // one look-up per municipality and user, not per agent: 1,000 agents share a handful of tenants
        Map<UUID, String> slugs = new java.util.HashMap<>();
        Map<UUID, String> usernames = new java.util.HashMap<>();
        return agents.values().stream()
                .map(agent -> view(agent, slugs, usernames))
                .sorted((a, b) -> a.sipUser().compareToIgnoreCase(b.sipUser()))
                .toList();
    }

    public AgentView get(UUID id) {
        return view(find(id));
    }

    /** The agent a product user is, if any. */
    public Optional<AgentView> ofUser(UUID userId) {
        return agents.values().stream()
                .filter(a -> userId.equals(a.userId()))
                .findFirst()
                .map(this::view);
    }

    @Override
    public Optional<UUID> agentOfUser(UUID userId) {
        return agents.values().stream()
                .filter(a -> userId.equals(a.userId()))
                .findFirst()
                .map(AgentRecord::id);
    }

    @Override
    public Optional<UUID> userOfAgent(UUID agentId) {
        return Optional.ofNullable(agents.get(agentId)).map(AgentRecord::userId);
    }

    @Override
    public boolean endWrapUp(UUID agentId) {
        return switchboard.endWrapUp(agentId);
    }

    @Transactional
    public AgentView create(AgentData data) {
        return get(createAll(List.of(data), false).get(0));
    }

    /**
     * Creates many agents in one transaction (e.g. 1,000 for a load test); all or none. Errors name the field as
     * {@code agents[i].field}.
     */
    @Transactional
    public List<UUID> createAll(List<AgentData> data) {
        return createAll(data, true);
    }

    private List<UUID> createAll(List<AgentData> data, boolean batch) {
        List<AgentRecord> created = new ArrayList<>();
        Set<String> sipUsers = new HashSet<>();
        for (int i = 0; i < data.size(); i++) {
            AgentData d = data.get(i);
            String prefix = batch ? "agents[" + i + "]." : "";
            if (d.password() == null) {
                throw new InvalidFieldException(prefix + "password", "validation.telephony.sipPassword");
            }
            if (!sipUsers.add(d.sipUser().toLowerCase(Locale.ROOT))
                    || credential(d.sipUser()).isPresent()) {
                throw new InvalidFieldException(prefix + "sipUser", "validation.telephony.sipUserTaken");
            }
            UUID userId = userId(d, prefix, null);
            UUID id = userId != null ? userId : UUID.randomUUID();
            created.add(new AgentRecord(
                    id,
                    userId,
                    d.sipUser(),
                    d.displayName(),
                    Digest.ha1(d.sipUser(), realm, d.password()),
                    Digest.ha1Sha256(d.sipUser(), realm, d.password()),
                    skills(d, prefix)));
        }
        store.insert(created, clock.instant());
        created.forEach(this::remember);
        return created.stream().map(AgentRecord::id).toList();
    }

    @Transactional
    public AgentView update(UUID id, AgentData data) {
        AgentRecord old = find(id);
        if (store.sipUserTaken(data.sipUser(), id)) {
            throw new InvalidFieldException("sipUser", "validation.telephony.sipUserTaken");
        }
        boolean renamed = !old.sipUser().equalsIgnoreCase(data.sipUser());
        if (renamed && data.password() == null) {
            // HA1 contains the user name: a new name needs the password again
            throw new InvalidFieldException("password", "validation.telephony.sipPassword");
        }
        String ha1 = data.password() == null ? old.ha1() : Digest.ha1(data.sipUser(), realm, data.password());
        String ha1Sha256 =
                data.password() == null ? old.ha1Sha256() : Digest.ha1Sha256(data.sipUser(), realm, data.password());
        AgentRecord updated = new AgentRecord(
                id, userId(data, "", id), data.sipUser(), data.displayName(), ha1, ha1Sha256, skills(data, ""));
        store.update(updated, clock.instant());
        credentials.remove(old.sipUser().toLowerCase(Locale.ROOT));
        remember(updated);
        return get(id);
    }

    @Transactional
    public void delete(UUID id) {
        AgentRecord agent = find(id);
        switchboard.removeAgent(id);
        store.delete(id);
        agents.remove(id);
        credentials.remove(agent.sipUser().toLowerCase(Locale.ROOT));
    }

    public AgentView requestState(UUID id, AgentState state, String reason) {
        find(id);
        switchboard.requestState(id, state, reason);
        return get(id);
    }

    /** A supervisor's "log out", which succeeds whatever the agent is doing; the event names {@code actor}. */
    public AgentView forceLogout(UUID id, String actor) {
        find(id);
        switchboard.forceLogout(id, actor);
        return get(id);
    }

    /**
     * A supervisor sets another agent's state (REST and the live view alike): "log out" always succeeds, also for an
     * agent stuck in a call; every other state follows the agent's own rules.
     */
    public AgentView setBySupervisor(UUID id, AgentState state, String reason, String actor) {
        return state == AgentState.LOGGED_OUT ? forceLogout(id, actor) : requestState(id, state, reason);
    }

    /** In the deleting transaction: skills for the municipality go with it, or stay if that rolls back. */
    @EventListener
    void on(TenantDeleted event) {
        store.deleteSkillsOfTenant(event.tenantId());
    }

    /** The routing core learns of the lost skills only once the deletion is committed. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void afterCommit(TenantDeleted event) {
        store.findAll().forEach(this::remember);
    }

    private AgentRecord find(UUID id) {
        AgentRecord agent = agents.get(id);
        if (agent == null) {
            throw new ResourceNotFoundException("agent");
        }
        return agent;
    }

    private void remember(AgentRecord agent) {
        agents.put(agent.id(), agent);
        credentials.put(
                agent.sipUser().toLowerCase(Locale.ROOT),
                new SipCredential(agent.id(), agent.sipUser(), agent.ha1(), agent.ha1Sha256()));
        switchboard.defineAgent(agent.id(), agent.displayName(), agent.skills());
    }

    private UUID userId(AgentData data, String prefix, UUID exceptAgent) {
        if (data.username() == null) {
            return null;
        }
        UserInfo user = users.findByUsername(data.username())
                .orElseThrow(() -> new InvalidFieldException(prefix + "username", "validation.telephony.username"));
        if (exceptAgent == null
                ? agents.containsKey(user.id()) || store.userTaken(user.id(), new UUID(0, 0))
                : store.userTaken(user.id(), exceptAgent)) {
            throw new InvalidFieldException(prefix + "username", "validation.telephony.usernameTaken");
        }
        return user.id();
    }

    private List<Skill> skills(AgentData data, String prefix) {
        List<Skill> skills = new ArrayList<>();
        for (int i = 0; i < data.skills().size(); i++) {
            AgentData.SkillData s = data.skills().get(i);
            String field = prefix + "skills[" + i + "].tenant";
            TenantInfo tenant = tenants.findBySlug(s.tenant())
                    .orElseThrow(() -> new InvalidFieldException(field, "validation.telephony.tenant"));
            Skill skill = new Skill(tenant.id(), s.topic(), s.level());
            if (skills.stream()
                    .anyMatch(k ->
                            k.tenantId().equals(skill.tenantId()) && k.topic().equals(skill.topic()))) {
                throw new InvalidFieldException(field, "validation.telephony.duplicateSkill");
            }
            skills.add(skill);
        }
        return List.copyOf(skills);
    }

    private AgentView view(AgentRecord agent) {
        return view(agent, new java.util.HashMap<>(), new java.util.HashMap<>());
    }

    private AgentView view(AgentRecord agent, Map<UUID, String> slugs, Map<UUID, String> usernames) {
        AgentStatus status = switchboard.agentStatus(agent.id()).orElseThrow();
        String username = agent.userId() == null
                ? null
                : usernames.computeIfAbsent(
                        agent.userId(),
                        id -> users.findById(id).map(UserInfo::username).orElse(null));
        List<AgentView.SkillView> skills = agent.skills().stream()
                .map(s -> new AgentView.SkillView(
                        slugs.computeIfAbsent(
                                s.tenantId(),
                                id -> tenants.findById(id).map(TenantInfo::slug).orElse("?")),
                        s.topic(),
                        s.level()))
                .toList();
        return new AgentView(
                agent.id(),
                agent.sipUser(),
                agent.displayName(),
                username,
                status.state(),
                status.reason(),
                status.since(),
                status.phoneRegistered(),
                skills);
    }
}
