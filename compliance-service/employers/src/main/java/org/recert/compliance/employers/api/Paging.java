package org.recert.compliance.employers.api;

import org.recert.platform.web.Cursor;

/** Page sizes and log cursors of the employer endpoints (the limit checked by PageRequest, the cursor read by Cursor). */
final class Paging {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private Paging() {
    }

    /** The position a numbered log's cursor points before (newest first), or null without a cursor; 400 when forged. */
    static Long before(String cursor) {
        if (cursor == null) {
            return null;
        }
        return Cursor.number(Cursor.decode(cursor, 1).get(0));
    }

    /** The cursor of the page after the row numbered {@code last}. */
    static String after(long last) {
        return Cursor.encode(Long.toString(last));
    }
}
