package org.recert.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * The clock every "today" of a service is read from: the system's, in UTC. Where {@link ClockConfig#movable()} is on
 * (a system test's suite), an admin can shift it by whole days, so that a test walks a learner through years of
 * reminders in seconds; everywhere else the shift stays zero. Tests inside a service replace this bean with their own.
 */
@Singleton
@DefaultBean
public class ServiceClock extends Clock {

    /** The only profiles in which the clock may move. */
    static final Set<String> MOVABLE_PROFILES = Set.of("local", "dev", "test");

    private final Clock system = Clock.systemUTC();
    private final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);
    private final ClockConfig config;

    public ServiceClock(ClockConfig config) {
        this.config = config;
    }

    void refuseInProduction(@Observes StartupEvent event) {
        checkProfiles(config.movable(), ConfigUtils.getProfiles());
    }

    static void checkProfiles(boolean movable, List<String> profiles) {
        if (movable && profiles.stream().noneMatch(MOVABLE_PROFILES::contains)) {
            throw new IllegalStateException("recert.clock.movable is on in profile(s) " + profiles
                    + ": a movable clock is for local suites and tests only; unset RECERT_CLOCK_MOVABLE");
        }
    }

    public boolean movable() {
        return config.movable();
    }

    /** Moves "today" to {@code day} (the time of day stays the system's); refused unless the clock is movable. */
    public void moveTo(LocalDate day) {
        if (!config.movable()) {
            throw new IllegalStateException("this clock is not movable");
        }
        shift.set(Duration.ofDays(ChronoUnit.DAYS.between(LocalDate.now(system), day)));
    }

    /** Back to the system's "today". */
    public void reset() {
        shift.set(Duration.ZERO);
    }

    /** Whole days "today" is ahead of the system's date (negative: behind). */
    public long shiftDays() {
        return shift.get().toDays();
    }

    /**
     * The system's own time, never shifted: for instants compared with the database's {@code now()} or checked by
     * another party against its own clock (a webhook's signed timestamp), which a moved "today" must not disturb.
     */
    public Clock wall() {
        return system;
    }

    @Override
    public Instant instant() {
        return system.instant().plus(shift.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Always UTC: every "today" of the services is read in UTC. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
