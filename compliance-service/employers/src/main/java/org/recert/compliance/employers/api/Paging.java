package org.recert.compliance.employers.api;

import org.recert.platform.problem.ProblemException;
import org.recert.platform.web.Cursor;

/** Page sizes and log cursors of the employer endpoints. */
final class Paging {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private Paging() {
    }

    static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    /** The position a numbered log's cursor points before (newest first), or null without a cursor; 400 when forged. */
    static Long before(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return Long.parseLong(Cursor.decode(cursor, 1).get(0));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this list issued");
        }
    }

    /** The cursor of the page after the row numbered {@code last}. */
    static String after(long last) {
        return Cursor.encode(Long.toString(last));
    }
}
