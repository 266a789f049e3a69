package de.buergerservice.telephony.internal;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an administrator or supervisor enters for an agent: SIP credentials, name, the product user it is (optional:
 * phone-only agents, e.g. for load tests) and skills per municipality (named by slug) and optional topic. The
 * password may be left out when editing (keeps the old one); new agents need one.
 */
public record AgentData(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "{validation.telephony.sipUser}")
        String sipUser,

        @Size(min = 4, max = 200, message = "{validation.telephony.sipPassword}")
        String password,

        @NotBlank @Size(max = 200) String displayName,
        @Size(max = 100) String username,
        @NotNull List<@Valid @NotNull SkillData> skills) {

    public AgentData {
        password = password == null || password.isEmpty() ? null : password;
        username = username == null || username.isBlank() ? null : username;
        skills = skills == null ? List.of() : skills;
    }

    /** A skill: municipality slug, topic ({@code ""} or absent = in general), level 1–5 (default 1). */
    public record SkillData(
            @NotBlank String tenant,
            @Size(max = 100) String topic,
            @Min(1) @Max(5) Integer level) {

        public SkillData {
            topic = topic == null ? "" : topic.strip();
            level = level == null ? 1 : level;
        }
    }
}
