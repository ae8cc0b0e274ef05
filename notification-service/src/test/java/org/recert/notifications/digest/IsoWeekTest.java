package org.recert.notifications.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IsoWeekTest {

    @Test
    void shouldNameTheIsoWeekEvenAcrossTheTurnOfTheYear() {
        assertThat(IsoWeek.of(LocalDate.of(2027, 3, 1))).hasToString("2027-W09");
        assertThat(IsoWeek.of(LocalDate.of(2027, 3, 7))).hasToString("2027-W09");
        assertThat(IsoWeek.of(LocalDate.of(2027, 3, 8))).hasToString("2027-W10");
        // the Friday 1 January 2027 still belongs to the last week of 2026; 29 December 2025 to the first of 2026
        assertThat(IsoWeek.of(LocalDate.of(2027, 1, 1))).hasToString("2026-W53");
        assertThat(IsoWeek.of(LocalDate.of(2025, 12, 29))).hasToString("2026-W01");
    }
}
