package de.buergerservice.telephony.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import de.buergerservice.telephony.internal.routing.Skill;

/** Agents and their skills in {@code telephony_agent} / {@code telephony_agent_skill}. */
@Repository
class AgentStore {

    private final JdbcTemplate jdbc;

    AgentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<AgentRecord> findAll() {
        Map<UUID, List<Skill>> skills = new HashMap<>();
        jdbc.query(
                "select agent_id, tenant_id, topic, level from telephony_agent_skill order by tenant_id, topic", rs -> {
                    skills.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Skill(rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4)));
                });
        Map<UUID, AgentRecord> agents = new LinkedHashMap<>();
        jdbc.query(
                "select id, user_id, sip_user, display_name, ha1, ha1_sha256 from telephony_agent order by sip_user",
                rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    agents.put(id, record(rs, skills.getOrDefault(id, List.of())));
                });
        return List.copyOf(agents.values());
    }

    Optional<AgentRecord> findById(UUID id) {
        return findAll().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    boolean sipUserTaken(String sipUser, UUID exceptId) {
        Integer count = jdbc.queryForObject(
                "select count(*) from telephony_agent where lower(sip_user) = lower(?)" + " and id <> ?",
                Integer.class,
                sipUser,
                exceptId);
        return count != null && count > 0;
    }

    boolean userTaken(UUID userId, UUID exceptId) {
        Integer count = jdbc.queryForObject(
                "select count(*) from telephony_agent where user_id = ? and id <> ?", Integer.class, userId, exceptId);
        return count != null && count > 0;
    }

    void insert(List<AgentRecord> agents, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        jdbc.batchUpdate(
                "insert into telephony_agent (id, user_id, sip_user, display_name, ha1, created_at, "
                        + "updated_at, ha1_sha256) values (?, ?, ?, ?, ?, ?, ?, ?)",
                agents,
                500,
                (ps, a) -> {
                    ps.setObject(1, a.id());
                    if (a.userId() == null) {
                        ps.setNull(2, java.sql.Types.OTHER);
                    } else {
                        ps.setObject(2, a.userId());
                    }
                    ps.setString(3, a.sipUser());
                    ps.setString(4, a.displayName());
                    ps.setString(5, a.ha1());
                    ps.setObject(6, at);
                    ps.setObject(7, at);
                    ps.setString(8, a.ha1Sha256());
                });
        insertSkills(agents);
    }

    void update(AgentRecord agent, Instant now) {
        jdbc.update(
                "update telephony_agent set user_id = ?, sip_user = ?, display_name = ?, ha1 = ?, ha1_sha256 = ?,"
                        + " updated_at = ? where id = ?",
                agent.userId(),
                agent.sipUser(),
                agent.displayName(),
                agent.ha1(),
                agent.ha1Sha256(),
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                agent.id());
        jdbc.update("delete from telephony_agent_skill where agent_id = ?", agent.id());
        insertSkills(List.of(agent));
    }

    void delete(UUID id) {
        jdbc.update("delete from telephony_agent where id = ?", id);
    }

    void deleteSkillsOfTenant(UUID tenantId) {
        jdbc.update("delete from telephony_agent_skill where tenant_id = ?", tenantId);
    }

    private void insertSkills(List<AgentRecord> agents) {
        List<Object[]> rows = new ArrayList<>();
        for (AgentRecord agent : agents) {
            for (Skill skill : agent.skills()) {
                rows.add(new Object[] {agent.id(), skill.tenantId(), skill.topic(), skill.level()});
            }
        }
        jdbc.batchUpdate(
                "insert into telephony_agent_skill (agent_id, tenant_id, topic, level) values (?, ?, ?, ?)", rows);
    }

    private static AgentRecord record(ResultSet rs, List<Skill> skills) throws SQLException {
        return new AgentRecord(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                List.copyOf(skills));
    }
}
