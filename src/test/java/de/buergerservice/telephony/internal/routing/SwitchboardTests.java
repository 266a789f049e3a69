package de.buergerservice.telephony.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.CallEventType;

/** The routing core at virtual time: who rings, in which order, and what happens when nobody answers. */
class SwitchboardTests {

    static final UUID OLDENBURG = UUID.randomUUID();
    static final UUID ARTLAND = UUID.randomUUID();
    static final UUID OLDENBURG_QUEUE = UUID.randomUUID();
    static final UUID ARTLAND_QUEUE = UUID.randomUUID();

    final VirtualTime time = new VirtualTime(Instant.parse("2026-11-25T09:00:00Z"));
    final List<String> rings = new ArrayList<>();
    final List<String> cancels = new ArrayList<>();
    final List<String> queued = new ArrayList<>();
    final List<String> dropped = new ArrayList<>();
    final List<CallEvent> events = new ArrayList<>();
    Switchboard board;

    @BeforeEach
    void setUp() {
        board = new Switchboard(time, time, new SwitchboardListener() {
            @Override
            public void queued(String callId, int position) {
                queued.add(callId + "@" + position);
            }

            @Override
            public void ring(String callId, UUID agentId) {
                rings.add(callId + "->" + agentId);
            }

            @Override
            public void cancelRing(String callId, UUID agentId) {
                cancels.add(callId + "->" + agentId);
            }

            @Override
            public void dropped(String callId) {
                dropped.add(callId);
            }

            @Override
            public void recorded(CallEvent event) {
                events.add(event);
            }
        });
        board.defineQueue(QueueDefinition.forTenant(OLDENBURG_QUEUE, OLDENBURG, "Oldenburg"));
        board.defineQueue(QueueDefinition.forTenant(ARTLAND_QUEUE, ARTLAND, "Artland"));
    }

    UUID agent(String name, Skill... skills) {
        UUID id = UUID.randomUUID();
        board.defineAgent(id, name, List.of(skills));
        board.phoneRegistered(id, true);
        return id;
    }

    UUID availableAgent(String name, Skill... skills) {
        UUID id = agent(name, skills);
        board.requestState(id, AgentState.AVAILABLE, null);
        return id;
    }

    AgentState state(UUID agent) {
        return board.agentStatus(agent).orElseThrow().state();
    }

    List<CallEventType> typesOf(String callId) {
        return events.stream()
                .filter(e -> callId.equals(e.callId()) && e.type() != CallEventType.AGENT_STATE_CHANGED)
                .map(CallEvent::type)
                .toList();
    }

    @Test
    void givenIdleAgents_thenLongestIdleWithSkillRings() {
        UUID first = availableAgent("first", Skill.of(ARTLAND, 1));
        time.advanceSeconds(5);
        availableAgent("second", Skill.of(ARTLAND, 1));
        availableAgent("oldenburgOnly", Skill.of(OLDENBURG, 1));

        assertThat(board.offer("c1", ARTLAND_QUEUE)).isEqualTo(1);

        assertThat(queued).containsExactly("c1@1");
        assertThat(rings).containsExactly("c1->" + first);
        assertThat(state(first)).isEqualTo(AgentState.RINGING);
        assertThat(typesOf("c1"))
                .containsExactly(CallEventType.CALL_OFFERED, CallEventType.QUEUED, CallEventType.AGENT_RINGING);
    }

    @Test
    void givenNoAgent_thenCallsWaitInOrderAndLongestWaitingGoesFirst() {
        board.offer("c1", ARTLAND_QUEUE);
        time.advanceSeconds(1);
        board.offer("c2", OLDENBURG_QUEUE);
        time.advanceSeconds(1);
        assertThat(board.offer("c3", ARTLAND_QUEUE)).isEqualTo(2);
        assertThat(board.position("c3")).contains(2);

        UUID both = availableAgent("both", Skill.of(ARTLAND, 1), Skill.of(OLDENBURG, 1));
        assertThat(rings).containsExactly("c1->" + both);

        answerAndHangUp("c1", both);
        time.advance(QueueDefinition.DEFAULT_WRAP_UP);
        assertThat(rings).last().isEqualTo("c2->" + both);
        assertThat(board.position("c3")).contains(1);
    }

    @Test
    void givenLevelRequirement_thenOnlyAgentsWithTheLevelRing() {
        UUID topicQueue = UUID.randomUUID();
        board.defineQueue(new QueueDefinition(
                topicQueue,
                ARTLAND,
                "Artland Bauamt",
                new SkillRequirement(ARTLAND, "Bauantrag", 3),
                null,
                null,
                null,
                null));
        availableAgent("novice", new Skill(ARTLAND, "Bauantrag", 2));
        time.advanceSeconds(1);
        UUID expert = availableAgent("expert", new Skill(ARTLAND, "Bauantrag", 4));

        board.offer("c1", topicQueue);

        assertThat(rings).containsExactly("c1->" + expert);
    }

    @Test
    void givenOverflowRule_thenSecondSkillIsOfferedAfterTheDelay() {
        UUID helper = availableAgent("helper", Skill.of(OLDENBURG, 1));
        board.defineQueue(new QueueDefinition(
                ARTLAND_QUEUE,
                ARTLAND,
                "Artland",
                SkillRequirement.of(ARTLAND),
                SkillRequirement.of(OLDENBURG),
                Duration.ofSeconds(30),
                null,
                null));

        board.offer("c1", ARTLAND_QUEUE);
        time.advanceSeconds(29);
        assertThat(rings).isEmpty();
        time.advanceSeconds(1);
        assertThat(rings).containsExactly("c1->" + helper);
    }

    @Test
    void givenOverflowedCallWaiting_thenAgentBecomingAvailableTakesIt() {
        board.defineQueue(new QueueDefinition(
                ARTLAND_QUEUE,
                ARTLAND,
                "Artland",
                SkillRequirement.of(ARTLAND),
                SkillRequirement.of(OLDENBURG),
                Duration.ofSeconds(30),
                null,
                null));
        board.offer("c1", ARTLAND_QUEUE);
        UUID helper = agent("helper", Skill.of(OLDENBURG, 1));
        time.advanceSeconds(10);
        board.requestState(helper, AgentState.AVAILABLE, null);
        assertThat(rings).isEmpty();
        time.advanceSeconds(20);
        assertThat(rings).containsExactly("c1->" + helper);
    }

    @Test
    void givenRingWithoutAnswer_thenAgentPausedAndCallBackAtHeadOfQueue() {
        UUID sleepy = availableAgent("sleepy", Skill.of(ARTLAND, 1));
        board.offer("c1", ARTLAND_QUEUE);
        time.advanceSeconds(1);
        board.offer("c2", ARTLAND_QUEUE);

        time.advance(QueueDefinition.DEFAULT_RING_TIMEOUT);

        assertThat(cancels).containsExactly("c1->" + sleepy);
        assertThat(board.agentStatus(sleepy).orElseThrow().state()).isEqualTo(AgentState.PAUSED);
        assertThat(board.agentStatus(sleepy).orElseThrow().reason()).isEqualTo("keine Annahme");
        assertThat(board.position("c1")).contains(1);
        assertThat(board.position("c2")).contains(2);
        assertThat(typesOf("c1")).contains(CallEventType.RING_NO_ANSWER);

        UUID awake = availableAgent("awake", Skill.of(ARTLAND, 1));
        assertThat(rings).last().isEqualTo("c1->" + awake);
    }

    @Test
    void givenAnsweredCall_thenWrapUpForConfiguredSecondsThenAvailable() {
        board.defineQueue(new QueueDefinition(
                ARTLAND_QUEUE,
                ARTLAND,
                "Artland",
                SkillRequirement.of(ARTLAND),
                null,
                null,
                null,
                Duration.ofSeconds(20)));
        UUID agent = availableAgent("agent", Skill.of(ARTLAND, 1));
        board.offer("c1", ARTLAND_QUEUE);
        time.advanceSeconds(3);
        assertThat(board.answered("c1", agent)).isTrue();
        assertThat(state(agent)).isEqualTo(AgentState.TALKING);
        time.advanceSeconds(60);
        board.ended("c1");
        assertThat(state(agent)).isEqualTo(AgentState.WRAP_UP);
        time.advanceSeconds(19);
        assertThat(state(agent)).isEqualTo(AgentState.WRAP_UP);
        time.advanceSeconds(1);
        assertThat(state(agent)).isEqualTo(AgentState.AVAILABLE);
        assertThat(typesOf("c1"))
                .containsExactly(
                        CallEventType.CALL_OFFERED,
                        CallEventType.QUEUED,
                        CallEventType.AGENT_RINGING,
                        CallEventType.ANSWERED,
                        CallEventType.ENDED);
        assertThat(events.stream()
                        .filter(e -> e.type() == CallEventType.ANSWERED)
                        .findFirst()
                        .orElseThrow()
                        .detail())
                .isEqualTo("waitMs=3000");
    }

    @Test
    void givenAnsweredCall_whenEdgeEndsItWithReason_thenEndedWithReasonAndAgentInWrapUp() {
        UUID agent = availableAgent("a", Skill.of(ARTLAND, 1));
        board.offer("c1", ARTLAND_QUEUE);
        assertThat(board.answered("c1", agent)).isTrue();
        time.advance(Duration.ofHours(4));

        board.ended("c1", "max-call-duration");

        CallEvent ended = events.stream()
                .filter(e -> e.type() == CallEventType.ENDED)
                .findFirst()
                .orElseThrow();
        assertThat(ended.detail()).isEqualTo("reason=max-call-duration");
        assertThat(state(agent)).isEqualTo(AgentState.WRAP_UP);
        assertThat(board.isActive("c1")).isFalse();
        board.ended("c1", "again");
        assertThat(typesOf("c1")).containsOnlyOnce(CallEventType.ENDED);
    }

    @Test
    void givenCallerHangsUpWhileQueued_thenAbandonedWithWaitTimeAndSlotFreed() {
        board.offer("c1", ARTLAND_QUEUE);
        board.offer("c2", ARTLAND_QUEUE);
        time.advanceSeconds(42);
        board.abandon("c1");

        assertThat(typesOf("c1")).last().isEqualTo(CallEventType.ABANDONED);
        assertThat(events).last().extracting(CallEvent::detail).isEqualTo("waitMs=42000");
        assertThat(board.position("c2")).contains(1);
        assertThat(board.isActive("c1")).isFalse();
    }

    @Test
    void givenCallerHangsUpWhileRinging_thenRingCancelledAndAgentAvailable() {
        UUID agent = availableAgent("agent", Skill.of(ARTLAND, 1));
        board.offer("c1", ARTLAND_QUEUE);
        board.abandon("c1");
        assertThat(cancels).containsExactly("c1->" + agent);
        assertThat(state(agent)).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void givenTransfer_thenTransferredAndAgentInWrapUp() {
        UUID agent = availableAgent("agent", Skill.of(ARTLAND, 1));
        board.offer("c1", ARTLAND_QUEUE);
        board.answered("c1", agent);
        board.transferred("c1", "sip:310@artland");
        assertThat(typesOf("c1")).last().isEqualTo(CallEventType.TRANSFERRED);
        assertThat(state(agent)).isEqualTo(AgentState.WRAP_UP);
        board.ended("c1");
        assertThat(typesOf("c1")).doesNotContain(CallEventType.ENDED);
    }

    @Test
    void givenAgentWithoutPhone_thenCannotBeAvailable() {
        UUID id = UUID.randomUUID();
        board.defineAgent(id, "no phone", List.of(Skill.of(ARTLAND, 1)));
        assertThatThrownBy(() -> board.requestState(id, AgentState.AVAILABLE, null))
                .extracting(e -> ((RoutingException) e).kind())
                .isEqualTo(RoutingException.Kind.NO_PHONE);
        board.offer("c1", ARTLAND_QUEUE);
        assertThat(rings).isEmpty();
        board.phoneRegistered(id, true);
        board.requestState(id, AgentState.AVAILABLE, null);
        assertThat(rings).containsExactly("c1->" + id);
    }

    CallEvent lastStateEvent(UUID agent) {
        return events.stream()
                .filter(e -> agent.equals(e.agentId()) && e.type() == CallEventType.AGENT_STATE_CHANGED)
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    @Test
    void givenPhoneUnregistersOrExpires_thenAgentLoggedOutWithReason() {
        UUID idle = availableAgent("idle", Skill.of(ARTLAND, 1));
        UUID paused = availableAgent("paused", Skill.of(OLDENBURG, 1));
        board.requestState(paused, AgentState.PAUSED, "Mittag");
        board.phoneRegistered(idle, false);
        board.phoneUnregistered(paused, Switchboard.EXPIRED_REASON);
        assertThat(state(idle)).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(lastStateEvent(idle).detail()).isEqualTo("unregistered");
        assertThat(state(paused)).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(lastStateEvent(paused).detail()).isEqualTo("registration-expired");
        assertThat(board.agentStatus(idle).orElseThrow().phoneRegistered()).isFalse();
    }

    @Test
    void givenRingingAgentsPhoneExpires_thenCallRingsTheNextAgent() {
        UUID first = availableAgent("first", Skill.of(ARTLAND, 1));
        time.advanceSeconds(1);
        UUID second = availableAgent("second", Skill.of(ARTLAND, 1));
        board.offer("c1", ARTLAND_QUEUE);
        assertThat(rings).containsExactly("c1->" + first);
        board.phoneUnregistered(first, Switchboard.EXPIRED_REASON);
        assertThat(cancels).containsExactly("c1->" + first);
        assertThat(rings).containsExactly("c1->" + first, "c1->" + second);
        assertThat(state(first)).isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    void givenTalkingAgentsPhoneUnregisters_thenLoggedOutWhenTheCallIsOver() {
        UUID agent = availableAgent("agent", Skill.of(ARTLAND, 1));
        board.offer("c1", ARTLAND_QUEUE);
        board.answered("c1", agent);
        board.phoneRegistered(agent, false);
        assertThat(state(agent)).isEqualTo(AgentState.TALKING);
        board.ended("c1");
        assertThat(state(agent)).isEqualTo(AgentState.WRAP_UP);
        time.advanceSeconds(60);
        assertThat(state(agent)).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(lastStateEvent(agent).detail()).isEqualTo("unregistered");
    }

    @Test
    void givenAgentInAnyState_whenSupervisorForcesOut_thenLoggedOutWithActor() {
        UUID talking = availableAgent("talking", Skill.of(ARTLAND, 1));
        board.offer("c1", ARTLAND_QUEUE);
        board.answered("c1", talking);
        board.forceLogout(talking, "supervisor");
        assertThat(state(talking)).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(typesOf("c1")).last().isEqualTo(CallEventType.ENDED);
        CallEvent ended = events.stream()
                .filter(e -> e.type() == CallEventType.ENDED)
                .findFirst()
                .orElseThrow();
        assertThat(ended.detail()).isEqualTo("forced");
        assertThat(ended.actor()).isEqualTo("supervisor");
        assertThat(lastStateEvent(talking).detail()).isEqualTo("forced");
        assertThat(lastStateEvent(talking).actor()).isEqualTo("supervisor");
        assertThat(board.isActive("c1")).isFalse();

        UUID ringing = availableAgent("ringing", Skill.of(ARTLAND, 1));
        board.offer("c2", ARTLAND_QUEUE);
        board.forceLogout(ringing, "admin");
        assertThat(cancels).containsExactly("c2->" + ringing);
        assertThat(board.position("c2")).as("back at the head of its queue").contains(1);
        assertThat(state(ringing)).isEqualTo(AgentState.LOGGED_OUT);

        UUID wrapUp = availableAgent("wrapUp", Skill.of(ARTLAND, 1));
        assertThat(board.answered("c2", wrapUp)).isTrue();
        board.ended("c2");
        assertThat(state(wrapUp)).isEqualTo(AgentState.WRAP_UP);
        board.forceLogout(wrapUp, "supervisor");
        time.advanceSeconds(60);
        assertThat(state(wrapUp)).as("wrap-up timer cancelled").isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    void givenWhatAnEarlierRunLeftOpen_thenClosedWithRestartEvents() {
        UUID agent = UUID.randomUUID();
        Instant crash = Instant.parse("2026-11-25T08:59:58Z");
        board.closeLeftOpen(
                List.of(
                        new Switchboard.OpenCall("talked", ARTLAND, ARTLAND_QUEUE, agent, true),
                        new Switchboard.OpenCall("waited", ARTLAND, ARTLAND_QUEUE, null, false)),
                List.of(agent),
                crash);
        assertThat(events)
                .extracting(CallEvent::callId, CallEvent::type, CallEvent::detail, CallEvent::at)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("talked", CallEventType.ENDED, "restart", crash),
                        org.assertj.core.groups.Tuple.tuple("waited", CallEventType.ABANDONED, "restart", crash),
                        org.assertj.core.groups.Tuple.tuple(null, CallEventType.AGENT_STATE_CHANGED, "restart", crash));
        assertThat(events.get(2).agentState()).isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    void givenOpenCallsAndLoggedInAgents_thenLowWaterMarkIsTheirOldestEvent() {
        assertThat(board.lowWaterMark()).isEqualTo(1);
        UUID agent = availableAgent("agent", Skill.of(OLDENBURG, 1));
        long availableAt = board.lastSequence();
        board.offer("c1", ARTLAND_QUEUE);
        assertThat(board.lowWaterMark()).isEqualTo(availableAt);
        board.requestState(agent, AgentState.LOGGED_OUT, null);
        long offeredAt = events.stream()
                .filter(e -> e.type() == CallEventType.CALL_OFFERED)
                .findFirst()
                .orElseThrow()
                .sequence();
        assertThat(board.lowWaterMark()).isEqualTo(offeredAt);
        board.abandon("c1");
        assertThat(board.lowWaterMark()).isEqualTo(board.lastSequence() + 1);
    }

    @Test
    void givenBadRequests_thenRefusedWithKind() {
        UUID agent = availableAgent("agent", Skill.of(ARTLAND, 1));
        assertThatThrownBy(() -> board.requestState(agent, AgentState.TALKING, null))
                .extracting(e -> ((RoutingException) e).kind())
                .isEqualTo(RoutingException.Kind.NOT_REQUESTABLE);
        board.offer("c1", ARTLAND_QUEUE);
        assertThatThrownBy(() -> board.requestState(agent, AgentState.PAUSED, "Mittag"))
                .extracting(e -> ((RoutingException) e).kind())
                .isEqualTo(RoutingException.Kind.ILLEGAL_TRANSITION);
        assertThatThrownBy(() -> board.requestState(UUID.randomUUID(), AgentState.AVAILABLE, null))
                .extracting(e -> ((RoutingException) e).kind())
                .isEqualTo(RoutingException.Kind.UNKNOWN_AGENT);
        assertThatThrownBy(() -> board.offer("c1", ARTLAND_QUEUE))
                .extracting(e -> ((RoutingException) e).kind())
                .isEqualTo(RoutingException.Kind.DUPLICATE_CALL);
    }

    @Test
    void givenManyEvents_thenSequenceIsGapless() {
        UUID agent = availableAgent("agent", Skill.of(ARTLAND, 1));
        for (int i = 0; i < 50; i++) {
            board.offer("c" + i, ARTLAND_QUEUE);
        }
        board.answered("c0", agent);
        board.ended("c0");
        time.advanceSeconds(60);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).sequence()).isEqualTo(i + 1L);
        }
    }

    @Test
    void givenWaitingCalls_thenSnapshotSaysSinceWhenTheLongestWaits() {
        assertThat(board.snapshot().queues())
                .allSatisfy(q -> assertThat(q.waitingSince()).isNull());
        Instant first = time.instant();
        board.offer("c1", ARTLAND_QUEUE);
        time.advanceSeconds(7);
        board.offer("c2", ARTLAND_QUEUE);
        time.advanceSeconds(11);
        var artland = board.snapshot().queues().stream()
                .filter(q -> q.id().equals(ARTLAND_QUEUE))
                .findFirst()
                .orElseThrow();
        assertThat(artland.waitingSince()).isEqualTo(first);
        assertThat(artland.longestWaitSeconds()).isEqualTo(18);

        // a ring without answer puts c1 back at the head; it still counts from its arrival
        UUID agent = availableAgent("agent", Skill.of(ARTLAND, 1));
        time.advance(QueueDefinition.DEFAULT_RING_TIMEOUT);
        assertThat(board.snapshot().queues().stream()
                        .filter(q -> q.id().equals(ARTLAND_QUEUE))
                        .findFirst()
                        .orElseThrow()
                        .waitingSince())
                .isEqualTo(first);
        assertThat(state(agent)).isEqualTo(AgentState.PAUSED);
    }

    @Test
    void givenQueueRemoved_thenWaitingAndRingingCallsEndWithAnAnswerAndAgentsAreFree() {
        UUID agent = availableAgent("agent", Skill.of(ARTLAND, 1));
        UUID other = availableAgent("other", Skill.of(OLDENBURG, 1));
        board.offer("ringing", ARTLAND_QUEUE);
        time.advanceSeconds(2);
        board.offer("waiting", ARTLAND_QUEUE);
        board.offer("talking", OLDENBURG_QUEUE);
        assertThat(board.answered("talking", other)).isTrue();
        time.advanceSeconds(3);

        board.removeQueue(ARTLAND_QUEUE);

        assertThat(cancels).containsExactly("ringing->" + agent);
        assertThat(dropped).containsExactly("ringing", "waiting");
        assertThat(typesOf("ringing")).last().isEqualTo(CallEventType.QUEUE_REMOVED);
        assertThat(typesOf("waiting"))
                .containsExactly(CallEventType.CALL_OFFERED, CallEventType.QUEUED, CallEventType.QUEUE_REMOVED);
        assertThat(events.stream()
                        .filter(e -> "waiting".equals(e.callId()) && e.type() == CallEventType.QUEUE_REMOVED)
                        .findFirst()
                        .orElseThrow()
                        .detail())
                .isEqualTo("waitMs=3000");
        assertThat(board.isActive("ringing")).isFalse();
        assertThat(board.isActive("waiting")).isFalse();
        assertThat(state(agent)).isEqualTo(AgentState.AVAILABLE);
        assertThat(board.snapshot().queues()).extracting(q -> q.id()).containsExactly(OLDENBURG_QUEUE);
        assertThatThrownBy(() -> board.offer("late", ARTLAND_QUEUE))
                .extracting(e -> ((RoutingException) e).kind())
                .isEqualTo(RoutingException.Kind.UNKNOWN_QUEUE);

        // the other queue's connected call is not touched; its timers still fire harmlessly
        assertThat(board.isActive("talking")).isTrue();
        time.advanceSeconds(120);
        assertThat(rings).containsExactly("ringing->" + agent, "talking->" + other);
        board.removeQueue(ARTLAND_QUEUE); // twice is nothing
        assertThat(dropped).hasSize(2);
    }

    void answerAndHangUp(String callId, UUID agent) {
        assertThat(board.answered(callId, agent)).isTrue();
        time.advanceSeconds(30);
        board.ended(callId);
    }

    @Test
    void givenCallerNumber_thenOnlyCallOfferedCarriesIt() {
        UUID agent = availableAgent("a", Skill.of(ARTLAND, 1));
        board.offer("c1", ARTLAND_QUEUE, "+4954311234");
        board.answered("c1", agent);
        assertThat(events.stream().filter(e -> "c1".equals(e.callId()))).allSatisfy(e -> assertThat(e.callerNumber())
                .isEqualTo(e.type() == CallEventType.CALL_OFFERED ? "+4954311234" : null));
        board.offer("c2", ARTLAND_QUEUE);
        assertThat(events.stream()
                        .filter(e -> "c2".equals(e.callId()) && e.type() == CallEventType.CALL_OFFERED)
                        .findFirst()
                        .orElseThrow()
                        .callerNumber())
                .isNull();
    }

    /** Documenting the contact ends the wrap-up at once: the agent is offered the next waiting call. */
    @Test
    void givenWrapUpEndedEarly_thenAgentTakesTheNextCall() {
        UUID agent = availableAgent("a", Skill.of(ARTLAND, 1));
        board.offer("c1", ARTLAND_QUEUE);
        answerAndHangUp("c1", agent);
        board.offer("c2", ARTLAND_QUEUE);
        assertThat(state(agent)).isEqualTo(AgentState.WRAP_UP);
        assertThat(board.endWrapUp(agent)).isTrue();
        assertThat(rings).last().isEqualTo("c2->" + agent);
        assertThat(board.endWrapUp(agent)).isFalse();
    }
}
