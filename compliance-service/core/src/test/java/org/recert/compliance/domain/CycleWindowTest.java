package org.recert.compliance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.recert.compliance.domain.Fixtures.CMA;
import static org.recert.compliance.domain.Fixtures.RMA;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CycleWindowTest {

    @Test
    void shouldDueCmaAtEndOfCalendarMonthSixtyMonthsAfterCertification() {
        CycleWindow window = CycleWindow.of(CMA, LocalDate.parse("2022-02-10"));

        assertThat(window.cycleStart()).isEqualTo("2022-02-10");
        assertThat(window.dueDate()).isEqualTo("2027-02-28");
    }

    @Test
    void shouldDueCmaOnLeapDayWhenTheCycleEndsInALeapFebruary() {
        CycleWindow window = CycleWindow.of(CMA, LocalDate.parse("2019-02-15"));

        assertThat(window.dueDate()).isEqualTo("2024-02-29");
    }

    @Test
    void shouldDueCmaCertifiedOnLeapDayAtEndOfFebruaryFiveYearsLater() {
        assertThat(CycleWindow.of(CMA, LocalDate.parse("2020-02-29")).dueDate()).isEqualTo("2025-02-28");
    }

    @Test
    void shouldDueCmaCertifiedOnFirstOfMonthAtEndOfThatMonth() {
        assertThat(CycleWindow.of(CMA, LocalDate.parse("2023-07-01")).dueDate()).isEqualTo("2028-07-31");
    }

    @Test
    void shouldEndGraceNinetyDaysAfterTheDueDate() {
        assertThat(CycleWindow.of(CMA, LocalDate.parse("2022-02-10")).graceEnd()).isEqualTo("2027-05-29");
    }

    @Test
    void shouldDueOnTheAnniversaryWhenTheCycleDoesNotEndAtMonthEnd() {
        CycleWindow window = CycleWindow.of(RMA, LocalDate.parse("2023-05-17"));

        assertThat(window.dueDate()).isEqualTo("2026-05-17");
    }

    @Test
    void shouldIncludeFirstDayAndGraceEndButNotTheDayBeforeOrAfter() {
        CycleWindow window = CycleWindow.of(CMA, LocalDate.parse("2022-02-10"));

        assertThat(window.includes(LocalDate.parse("2022-02-09"))).isFalse();
        assertThat(window.includes(LocalDate.parse("2022-02-10"))).isTrue();
        assertThat(window.includes(LocalDate.parse("2027-02-28"))).isTrue();
        assertThat(window.includes(LocalDate.parse("2027-03-01"))).isTrue();
        assertThat(window.includes(LocalDate.parse("2027-05-29"))).isTrue();
        assertThat(window.includes(LocalDate.parse("2027-05-30"))).isFalse();
    }

    @Test
    void shouldRejectAWindowWhoseDatesAreOutOfOrder() {
        assertThatThrownBy(() -> new CycleWindow(LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-01"),
                LocalDate.parse("2024-02-01"))).isInstanceOf(IllegalArgumentException.class);
    }
}
