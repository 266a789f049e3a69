package de.buergerservice.telephony.web;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import de.buergerservice.identity.UserDirectory;
import de.buergerservice.identity.UserInfo;
import de.buergerservice.shared.security.ScopedPrincipal;
import de.buergerservice.telephony.internal.AgentService;
import de.buergerservice.telephony.internal.AgentView;

/** The agent the signed-in user is, whatever the login method; and whether the user may manage others. */
@Component
class CurrentAgent {

    private final UserDirectory users;
    private final AgentService agents;

    CurrentAgent(UserDirectory users, AgentService agents) {
        this.users = users;
        this.agents = agents;
    }

    Optional<AgentView> of(Authentication authentication) {
        return users.findByUsername(username(authentication)).map(UserInfo::id).flatMap(agents::ofUser);
    }

    static String username(Authentication authentication) {
        return authentication.getPrincipal() instanceof ScopedPrincipal p ? p.username() : authentication.getName();
    }

    static boolean mayManage(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN")
                        || a.getAuthority().equals("ROLE_SUPERVISOR"));
    }
}
