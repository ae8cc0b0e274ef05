package org.recert.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

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

    /** The values of a cursor made by {@link #encode} with {@code expected} values; a 400 naming "cursor" otherwise. */
    public static List<String> decode(String cursor, int expected) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> values = new ArrayList<>(List.of(decoded.split(String.valueOf(SEPARATOR), -1)));
            // values come from database text, which never holds a NUL: one is a forged cursor, and would fail the query
            if (values.size() != expected || decoded.indexOf('\u0000') >= 0) {
                throw ProblemException.invalid("cursor", "is not a cursor this list issued");
            }
            return values;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this list issued");
        }
    }
}
