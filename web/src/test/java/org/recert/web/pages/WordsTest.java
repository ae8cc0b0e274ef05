package org.recert.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The API's codes as people read them: names of bodies and units keep their capitals, amounts are counted. */
class WordsTest {

    @Test
    void shouldKeepTheNamesOfBodiesAndUnitsInCapitals() {
        assertThat(Words.label("CPR_CERTIFICATION")).isEqualTo("CPR certification");
        assertThat(Words.label("AAMA_CEU")).isEqualTo("AAMA CEU");
        assertThat(Words.label("ONLINE_WORKSHOP")).isEqualTo("Online workshop");
        assertThat(Words.label("NON_AAMA")).isEqualTo("Not AAMA-approved");
        assertThat(Words.label("CMA_AAMA")).isEqualTo("CMA (AAMA)");
    }

    @Test
    void shouldNameUnitsAsASentenceDoesAndCountThem() {
        assertThat(Words.unit("CONTACT_HOUR")).isEqualTo("contact hour");
        assertThat(Words.unit("CPR_CARD")).isEqualTo("CPR card");
        assertThat(Words.amount(1, "CPR_CARD")).isEqualTo("1 CPR card");
        assertThat(Words.amount(10, "CONTACT_HOUR")).isEqualTo("10 contact hours");
        assertThat(Words.amount(2.0, "AAMA_CEU")).isEqualTo("2 AAMA CEUs");
        assertThat(Words.amount(1.50, "COLLEGE_CREDIT")).isEqualTo("1.5 college credits");
    }

    @Test
    void shouldShowAMomentInUtcToTheMinute() {
        assertThat(Words.when("2026-12-04T23:33:09.234608153Z")).isEqualTo("2026-12-04 23:33 UTC");
        assertThat(Words.when("2026-12-05T01:33:09+02:00")).isEqualTo("2026-12-04 23:33 UTC");
        assertThat(Words.when("not a time")).isEqualTo("not a time");
    }
}
