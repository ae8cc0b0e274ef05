package org.recert.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The service clock moves only where a test suite asked for it, and never in production. */
class ServiceClockTest {

    @Test
    void shouldRefuseAMovableClockInProduction() {
        assertThatThrownBy(() -> ServiceClock.checkProfiles(true, List.of("prod")))
                .hasMessageContaining("RECERT_CLOCK_MOVABLE");
        assertThatThrownBy(() -> ServiceClock.checkProfiles(true, List.of("staging")))
                .isInstanceOf(IllegalStateException.class);
        ServiceClock.checkProfiles(true, List.of("local"));
        ServiceClock.checkProfiles(false, List.of("prod"));
    }

    @Test
    void shouldStayOnTheSystemDateUnlessMovable() {
        ServiceClock fixed = new ServiceClock(() -> false);
        assertThatThrownBy(() -> fixed.moveTo(LocalDate.of(2031, 1, 31))).isInstanceOf(IllegalStateException.class);
        assertThat(fixed.shiftDays()).isZero();

        ServiceClock movable = new ServiceClock(() -> true);
        LocalDate target = LocalDate.now(ZoneOffset.UTC).plusDays(1800);
        movable.moveTo(target);
        assertThat(LocalDate.now(movable)).isEqualTo(target);
        assertThat(movable.shiftDays()).isEqualTo(1800);
        movable.reset();
        assertThat(LocalDate.now(movable)).isEqualTo(LocalDate.now(ZoneOffset.UTC));
    }

    @Test
    void shouldKeepTheWallClockOnTheSystemDateWhenTodayMoves() {
        ServiceClock movable = new ServiceClock(() -> true);
        LocalDate systemDay = LocalDate.now(ZoneOffset.UTC);
        movable.moveTo(systemDay.plusDays(400));
        assertThat(LocalDate.now(movable.wall())).isBetween(systemDay, systemDay.plusDays(1));
    }
}
