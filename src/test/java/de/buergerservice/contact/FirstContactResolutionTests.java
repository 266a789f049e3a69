package de.buergerservice.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FirstContactResolutionTests {

    @Test
    void givenAMonthOfOutcomes_whenRated_thenResolvedOverEligibleContacts() {
        // 100 documented: 60 resolved, 15 transferred, 10 handed off, 9 wrong municipality, 6 no concern.
        // Eligible: 100 - 9 - 6 = 85; rate 60 / 85 = 0.705882… → 0.705882
        var month = Map.of(
                ContactOutcome.RESOLVED, 60L,
                ContactOutcome.TRANSFERRED, 15L,
                ContactOutcome.HANDED_OFF, 10L,
                ContactOutcome.WRONG_MUNICIPALITY, 9L,
                ContactOutcome.NO_CONCERN, 6L);

        assertThat(FirstContactResolution.eligible(month)).isEqualTo(85);
        assertThat(FirstContactResolution.rate(month)).contains(new BigDecimal("0.705882"));
    }

    @Test
    void givenTheInterimReportsMix_whenRated_thenSixtySevenPercent() {
        // 67 of 100 eligible resolved, plus contacts that do not count
        var mix = Map.of(
                ContactOutcome.RESOLVED, 67L,
                ContactOutcome.HANDED_OFF, 33L,
                ContactOutcome.NO_CONCERN, 12L);

        assertThat(FirstContactResolution.rate(mix)).contains(new BigDecimal("0.670000"));
    }

    @Test
    void givenOnlyContactsThatDoNotCount_whenRated_thenNoRateRatherThanZero() {
        var none = Map.of(ContactOutcome.WRONG_MUNICIPALITY, 3L, ContactOutcome.NO_CONCERN, 2L);

        assertThat(FirstContactResolution.eligible(none)).isZero();
        assertThat(FirstContactResolution.rate(none)).isEmpty();
        assertThat(FirstContactResolution.rate(Map.of())).isEmpty();
    }
}
