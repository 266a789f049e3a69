package de.buergerservice.telephony.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.buergerservice.telephony.internal.AgentData;
import de.buergerservice.telephony.internal.AgentView;

/**
 * The page form of an agent: SIP credentials, name, product user and one row per skill. Rows without a
 * municipality are left out of the {@link AgentData}, so errors of the record's {@code skills[i]} are shown at the
 * row they came from.
 */
public class AgentForm {

    private static final Pattern SKILL_PATH = Pattern.compile("skills\\[(\\d+)](.*)");
    /** Empty rows offered below the agent's skills, so a skill can be added without a script. */
    static final int EMPTY_ROWS = 2;

    private String sipUser;
    private String password;
    private String displayName;
    private String username;
    private List<SkillRow> skills = new ArrayList<>();
    /** Form row index of each skill of the last {@link #toData()}. */
    private final List<Integer> rowOfSkill = new ArrayList<>();

    /** One skill row: municipality slug (empty = unused row), topic ("" = general), level 1–5. */
    public static class SkillRow {

        private String tenant;
        private String topic;
        private Integer level = 1;

        public SkillRow() {}

        SkillRow(String tenant, String topic, Integer level) {
            this.tenant = tenant;
            this.topic = topic;
            this.level = level;
        }

        boolean isEmpty() {
            return tenant == null || tenant.isBlank();
        }

        public String getTenant() {
            return tenant;
        }

        public void setTenant(String tenant) {
            this.tenant = tenant;
        }

        public String getTopic() {
            return topic;
        }

        public void setTopic(String topic) {
            this.topic = topic;
        }

        public Integer getLevel() {
            return level;
        }

        public void setLevel(Integer level) {
            this.level = level;
        }
    }

    static AgentForm empty() {
        AgentForm form = new AgentForm();
        form.addEmptyRows(EMPTY_ROWS);
        return form;
    }

    static AgentForm of(AgentView agent) {
        AgentForm form = new AgentForm();
        form.sipUser = agent.sipUser();
        form.displayName = agent.displayName();
        form.username = agent.username();
        agent.skills().forEach(s -> form.skills.add(new SkillRow(s.tenant(), s.topic(), s.level())));
        form.addEmptyRows(EMPTY_ROWS);
        return form;
    }

    void addEmptyRows(int count) {
        for (int i = 0; i < count; i++) {
            skills.add(new SkillRow());
        }
    }

    AgentData toData() {
        rowOfSkill.clear();
        List<AgentData.SkillData> data = new ArrayList<>();
        for (int i = 0; i < skills.size(); i++) {
            SkillRow row = skills.get(i);
            if (row != null && !row.isEmpty()) {
                rowOfSkill.add(i);
                data.add(new AgentData.SkillData(row.tenant.strip(), row.topic, row.level));
            }
        }
        return new AgentData(
                sipUser == null ? null : sipUser.strip(),
                password,
                displayName == null ? null : displayName.strip(),
                username,
                data);
    }

    /** The form field of a property path of {@link AgentData} (or of a service's {@code InvalidFieldException}). */
    String fieldOf(String path) {
        Matcher m = SKILL_PATH.matcher(path);
        if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            String rest = m.group(2).isEmpty() ? ".tenant" : m.group(2);
            return index < rowOfSkill.size() ? "skills[" + rowOfSkill.get(index) + "]" + rest : "skills";
        }
        return switch (path) {
            case "sipUser", "password", "displayName", "username", "skills" -> path;
            default -> null;
        };
    }

    public String getSipUser() {
        return sipUser;
    }

    public void setSipUser(String sipUser) {
        this.sipUser = sipUser;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public List<SkillRow> getSkills() {
        return skills;
    }

    public void setSkills(List<SkillRow> skills) {
        this.skills = skills;
    }
}
