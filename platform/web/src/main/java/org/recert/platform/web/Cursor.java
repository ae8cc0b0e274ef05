package org.recert.platform.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.recert.platform.problem.ProblemException;

/**
 * Opaque keyset cursors: the sort values of the last item of a page, encoded so clients do not parse them.
 * Keyset, not offset, so that a page is as fast at the end of a list as at its start.
 */
public final class Cursor {

    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    public static String encode(String... values) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(String.valueOf(SEPARATOR), values).getBytes(StandardCharsets.UTF_8));
    }

    /** One value of a decoded cursor as the id it was made from; a 400 naming "cursor" when it is not one (forged). */
    public static UUID uuid(String value) {
        // UUID.fromString also takes short forms such as 1-2-3-4-5: only the canonical 36 characters were encoded
        if (value.length() != 36) {
            throw forged();
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw forged();
        }
    }

    /** One value of a decoded cursor as the position it was made from; a 400 naming "cursor" otherwise. */
    public static long number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw forged();
        }
    }

    /** One value of a decoded cursor as the day it was made from (years 1 to 9999, as the database stores them). */
    public static LocalDate date(String value) {
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.getYear() < 1 || day.getYear() > 9999) {
                throw forged();
            }
            return day;
        } catch (DateTimeParseException e) {
            throw forged();
        }
    }

    private static ProblemException forged() {
        return ProblemException.invalid("cursor", "is not a cursor this list issued");
    }

    /** The values of a cursor made by {@link #encode} with {@code expected} values; a 400 naming "cursor" otherwise. */
    public static List<String> decode(String cursor, int expected) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> values = new ArrayList<>(List.of(decoded.split(String.valueOf(SEPARATOR), -1)));
            // values come from database text, which never holds a NUL: one is a forged cursor, and would fail the query
            if (values.size() != expected || decoded.indexOf('\u0000') >= 0) {
                throw forged();
            }
            return values;
        } catch (IllegalArgumentException e) {
            throw forged();
        }
    }
}
