package org.recert.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

/** The service's clock in tests: today's real time, until a test travels to a day (noon UTC) and back. */
@Singleton
public class TravellingClock extends Clock {

    private final AtomicReference<Clock> current = new AtomicReference<>(Clock.systemUTC());

    public void travelTo(LocalDate day) {
        current.set(Clock.fixed(day.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    public void backToNow() {
        current.set(Clock.systemUTC());
    }

    @Override
    public Instant instant() {
        return current.get().instant();
    }

    /** Always UTC: the service reads every "today" in UTC. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public ZoneId getZone() {
        return current.get().getZone();
    }
}
