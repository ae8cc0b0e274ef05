package org.recert.compliance.employers.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofSeconds(30), 2, Duration.ofHours(6), Duration.ofDays(3));
    private static final Instant FIRST_ATTEMPT = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void shouldDoubleTheDelayAfterEachFailureUpToTheCap() {
        assertThat(DEFAULT.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(DEFAULT.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(DEFAULT.delayAfter(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(DEFAULT.delayAfter(20)).isEqualTo(Duration.ofHours(6));
        assertThat(DEFAULT.delayAfter(500)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void shouldKeepTryingForMoreThanADayWithTheDefaultSchedule() {
        assertThat(DEFAULT.span()).isGreaterThanOrEqualTo(Duration.ofHours(24));
        assertThat(DEFAULT.span()).isLessThanOrEqualTo(Duration.ofDays(3));
        assertThat(DEFAULT.attempts()).isBetween(15, 30);
    }

    @Test
    void shouldScheduleTheNextAttemptFromTheFailure() {
        Instant failedAt = FIRST_ATTEMPT.plusSeconds(5);
        assertThat(DEFAULT.nextAttempt(FIRST_ATTEMPT, failedAt, 1)).contains(failedAt.plusSeconds(30));
    }

    @Test
    void shouldAbandonWhenTheNextAttemptWouldFallAfterTheGiveUpTime() {
        Instant lateFailure = FIRST_ATTEMPT.plus(Duration.ofDays(3)).minusSeconds(60);
        assertThat(DEFAULT.nextAttempt(FIRST_ATTEMPT, lateFailure, 25)).isEmpty();
        assertThat(DEFAULT.nextAttempt(FIRST_ATTEMPT, FIRST_ATTEMPT.plus(Duration.ofDays(2)), 20)).isPresent();
    }
}
