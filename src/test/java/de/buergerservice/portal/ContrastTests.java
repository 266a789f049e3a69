package de.buergerservice.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import de.buergerservice.portal.internal.Branding;
import de.buergerservice.portal.internal.Contrast;

/** WCAG 2.1 contrast ratios against white, checked against the published reference values. */
class ContrastTests {

    @Test
    void blackAndWhiteAreTheExtremes() {
        assertThat(Contrast.againstWhite("#000000")).isCloseTo(21.0, within(0.01));
        assertThat(Contrast.againstWhite("#ffffff")).isCloseTo(1.0, within(0.01));
    }

    @Test
    void theGreyAtTheAaThreshold() {
        // #767676 is the lightest grey that passes 4.5:1 on white, #777777 just fails
        assertThat(Contrast.againstWhite("#767676")).isGreaterThanOrEqualTo(Contrast.MINIMUM);
        assertThat(Contrast.againstWhite("#777777")).isLessThan(Contrast.MINIMUM);
    }

    @Test
    void theDefaultAndTheDemoColoursPass() {
        assertThat(Contrast.againstWhite(Branding.DEFAULT_COLOUR)).isGreaterThan(7.0);
        assertThat(Contrast.againstWhite("#005a9c")).isGreaterThanOrEqualTo(Contrast.MINIMUM);
        assertThat(Contrast.againstWhite("#2b6a30")).isGreaterThanOrEqualTo(Contrast.MINIMUM);
    }

    @Test
    void onlySixDigitHexIsAColour() {
        assertThat(Contrast.isHexColour("#1d4f91")).isTrue();
        assertThat(Contrast.isHexColour("#fff")).isFalse();
        assertThat(Contrast.isHexColour("red")).isFalse();
        assertThat(Contrast.isHexColour("#1d4f91; background:url(x)")).isFalse();
    }
}
