package org.recert.notifications.store;

import java.sql.Date;
import java.time.LocalDate;

/** A date column as native SQL returns it (java.sql.Date or LocalDate, by driver and Hibernate version). */
public final class SqlDates {

    private SqlDates() {
    }

    public static LocalDate of(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate day ? day : ((Date) value).toLocalDate();
    }
}
