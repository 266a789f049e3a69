package de.buergerservice.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.buergerservice.IntegrationTest;
import de.buergerservice.Responses;
import de.buergerservice.shared.privacy.RetentionScheduler;
import de.buergerservice.telephony.CallEventType;
import de.buergerservice.telephony.internal.routing.CallEvent;
import de.buergerservice.tenancy.AgreementInfo;

/**
 * Retention anonymises the callers' numbers of past months and the KPIs stay what they were: the golden morning of
 * 14 April 2026 (Artland) with a number on every offered call, read through the REST API before and after the
 * retention job — and after reporting folded the anonymised log again from scratch.
 */
@IntegrationTest
class RetentionKpiTests extends ReportingFixture {

    static final LocalDate DAY = LocalDate.of(2026, 4, 14);

    @Autowired
    RetentionScheduler retention;

    @Override
    String tenantSlug() {
        return "artland";
    }

    @Override
    String user() {
        return "artland-management";
    }

    @Override
    String password() {
        return "demo";
    }

    @Test
    void kpisOfPastMonthsAreUnchangedAfterTheCallersNumbersAreAnonymised() throws Exception {
        AgreementInfo agreement = agreement();
        String suffix = "-retention-" + UUID.randomUUID();
        long first = Math.max(log.lastSequence(), aggregator.position()) + 1_000;
        long last = first;
        for (KpiEvent e : Golden.on(DAY, first, agreement.clientTenantId(), UUID.randomUUID(), UUID.randomUUID())) {
            last = Math.max(last, e.sequence());
            log.append(new CallEvent(
                    UUID.randomUUID(),
                    e.sequence(),
                    e.callId() == null ? null : e.callId() + suffix,
                    e.tenantId(),
                    e.queueId(),
                    e.agentId(),
                    e.type(),
                    e.agentState(),
                    e.detail(),
                    e.at(),
                    null,
                    e.type() == CallEventType.CALL_OFFERED ? "+4954319" + (e.sequence() % 1000) : null));
        }
        switchboardNumbersAfter(last);
        assertThat(log.flush(Duration.ofSeconds(30))).isTrue();
        aggregator.catchUp();
        assertThat(numbers(suffix)).isNotEmpty().doesNotContainNull();

        String uri = "/api/v1/reports/kpis?agreement=" + agreement.id() + "&from=2026-04-01&to=2026-04-30";
        String daily = kpis(uri + "&interval=day");
        String monthly = kpis(uri + "&interval=month");
        assertThat(daily).contains("\"offered\":4", "\"answered\":2", "\"abandoned\":2");

        retention.runAll();

        assertThat(numbers(suffix)).isNotEmpty().containsOnlyNulls();
        assertThat(kpis(uri + "&interval=day")).isEqualTo(daily);
        aggregator.rebuild();
        assertThat(kpis(uri + "&interval=day")).isEqualTo(daily);
        assertThat(kpis(uri + "&interval=month")).isEqualTo(monthly);
        // idempotent: nothing of it is due again
        assertThat(retention.runAll().get("caller-number")).isZero();
    }

    List<String> numbers(String suffix) {
        return jdbc.queryForList(
                "select caller_number from call_event where call_id like ? and type = 'CALL_OFFERED'",
                String.class,
                "%" + suffix);
    }

    String kpis(String uri) {
        var result = mvc.get().uri(uri).with(httpBasic(user(), password())).exchange();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return Responses.body(result);
    }
}
