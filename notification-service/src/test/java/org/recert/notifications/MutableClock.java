package org.recert.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

/** The service's clock in tests: the real time until a test sets a day, and again after it resets. */
@Singleton
public class MutableClock extends Clock {

    private volatile Instant fixed;

    /** From now on, every "today" of the service is this day (at noon UTC). */
    public void set(LocalDate day) {
        fixed = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant day = fixed;
        return day == null ? Instant.now() : day;
    }
}
