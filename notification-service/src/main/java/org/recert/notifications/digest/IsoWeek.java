package org.recert.notifications.digest;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** The ISO-8601 week a day falls in, as {@code 2026-W49}: a digest goes out at most once in each. */
public record IsoWeek(int year, int week) {

    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, week);
    }
}
