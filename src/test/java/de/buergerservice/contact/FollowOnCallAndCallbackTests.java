package de.buergerservice.contact;

import static de.buergerservice.Responses.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.backoffice.HandOffs;
import de.buergerservice.telephony.AgentState;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * A transfer (REFER) whose follow-on call reaches the ServiceCenter again: the follow-on's contact refers to the
 * first one. "Rückruf durch das ServiceCenter": a ticket the back office sends back is a callback on the agents'
 * list; an agent takes it and gets a phone contact that refers to the contact the ticket came from.
 */
@ContactTest
class FollowOnCallAndCallbackTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Calls calls;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService accounts;

    List<String> open = new ArrayList<>();

    @BeforeEach
    void agent1TakesCalls() {
        calls.agent1Ready();
    }

    @AfterEach
    void hangUp() {
        open.forEach(calls.switchboard::ended);
        open.clear();
        calls.wrapUp("artland", 10);
        calls.applied();
        calls.switchboard.requestState(calls.agent("agent1"), AgentState.AVAILABLE, null);
    }

    MvcTestResult get(String uri, String user) {
        return mvc.get().uri(uri).with(httpBasic(user, "demo")).exchange();
    }

    MvcTestResult post(String uri, String user, String json) {
        return mvc.post()
                .uri(uri)
                .with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    String contactOf(String callId) {
        return JsonPath.read(body(get("/api/v1/contacts?callId=" + callId, "agent1")), "$[0].id");
    }

    @Test
    void givenATransferWhoseFollowOnCallComesBack_thenItsContactRefersToTheFirst() {
        String caller = "+4954317770001";
        String first = calls.answered("artland", caller);
        calls.switchboard.transferred(first, "sip:+4954319990@127.0.0.1");
        calls.applied();
        calls.switchboard.requestState(calls.agent("agent1"), AgentState.AVAILABLE, null);
        String followOn = calls.answered("artland", caller);
        open.add(followOn);
        calls.applied();

        String firstContact = contactOf(first);
        String followOnContact = contactOf(followOn);
        assertThat(get("/api/v1/contacts/" + followOnContact, "agent1"))
                .bodyJson()
                .extractingPath("$.previousContactId")
                .isEqualTo(firstContact);
        assertThat(get("/api/v1/contacts/" + firstContact, "agent1"))
                .bodyJson()
                .extractingPath("$.followOnContactId")
                .isEqualTo(followOnContact);
    }

    @Test
    void givenAnotherCallerAfterATransfer_thenNoLink() {
        String first = calls.answered("artland", "+4954317770002");
        calls.switchboard.transferred(first, "sip:+4954319990@127.0.0.1");
        calls.applied();
        calls.switchboard.requestState(calls.agent("agent1"), AgentState.AVAILABLE, null);
        String other = calls.answered("artland", "+4954317770003");
        open.add(other);
        calls.applied();
        assertThat(get("/api/v1/contacts/" + contactOf(other), "agent1"))
                .bodyJson()
                .extractingPath("$.previousContactId")
                .isNull();
    }

    UUID returnedTicket() {
        HandOffs handOffs = new HandOffs(events, transactions, jdbc, tenants);
        var handOff = handOffs.handOff(
                "artland", "Ordnungsamt", de.buergerservice.contact.HandOffKind.CALLBACK, null, Instant.now());
        UUID ticket = handOffs.publish(handOff);
        assertThat(post(
                        "/api/v1/tickets/" + ticket + "/return",
                        "artland-backoffice",
                        "{\"note\": \"Bitte das ServiceCenter zurückrufen lassen\"}"))
                .hasStatusOk();
        return ticket;
    }

    String awaitCallback(UUID ticket) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            List<String> ids =
                    JsonPath.read(body(get("/api/v1/callbacks", "agent1")), "$[?(@.ticketId == '" + ticket + "')].id");
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no callback for ticket " + ticket);
    }

    @Test
    void givenATicketSentBackToTheServiceCenter_thenAnAgentTakesTheCallbackAsAPhoneContact() throws Exception {
        UUID ticket = returnedTicket();
        String callback = awaitCallback(ticket);
        assertThat(get("/api/v1/callbacks/" + callback, "supervisor"))
                .bodyJson()
                .extractingPath("$.note")
                .isEqualTo("Bitte das ServiceCenter zurückrufen lassen");
        assertThat(
                        body(mvc.get()
                                .uri("/desk/supervisor/live")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(
                                        accounts.loadUserByUsername("supervisor")))
                                .exchange()))
                .contains("Rückrufe durch das ServiceCenter", "+49 5431 12345");

        MvcTestResult taken = post("/api/v1/callbacks/" + callback + "/take", "agent1", "{}");
        assertThat(taken).hasStatusOk();
        UUID firstContact =
                jdbc.queryForObject("select contact_id from backoffice_ticket where id = ?", UUID.class, ticket);
        assertThat(taken)
                .bodyJson()
                .hasPathSatisfying("$.channel", v -> assertThat(v).isEqualTo("PHONE"))
                .hasPathSatisfying("$.state", v -> assertThat(v).isEqualTo("OPEN"))
                .hasPathSatisfying("$.callerNumber", v -> assertThat(v).isEqualTo("+49 5431 12345"))
                .hasPathSatisfying("$.previousContactId", v -> assertThat(v).isEqualTo(firstContact.toString()));
        assertThat(body(get("/api/v1/callbacks", "agent1"))).doesNotContain(callback);

        MvcTestResult again = post("/api/v1/callbacks/" + callback + "/take", "agent2", "{}");
        assertThat(again).hasStatus(409);
        assertThat(body(again)).contains("Diesen Rückruf hat schon jemand übernommen.");
        // the municipality's back office does not make the ServiceCenter's callbacks
        assertThat(get("/api/v1/callbacks", "artland-backoffice")).hasStatus(403);
    }

    @Test
    void givenTheSameReturnDeliveredTwice_thenOneCallback() throws Exception {
        UUID ticket = returnedTicket();
        awaitCallback(ticket);
        Object row = jdbc.queryForMap("select * from contact_callback where ticket_id = ?", ticket);
        var first = jdbc.queryForMap("select * from contact_callback where ticket_id = ?", ticket);
        transactions.executeWithoutResult(status -> events.publishEvent(new de.buergerservice.backoffice.TicketReturned(
                ticket, (UUID) first.get("tenant_id"), null, null, "+49 5431 12345", null, Instant.now())));
        Thread.sleep(500);
        assertThat(jdbc.queryForObject(
                        "select count(*) from contact_callback where ticket_id = ?", Integer.class, ticket))
                .isOne();
        assertThat(row).isNotNull();
    }
}
