package org.recert.platform.events;

import java.util.ArrayList;
import java.util.List;

/**
 * How many rows one array-bound statement ({@code insert ... select from unnest(?, ?, ...)}) writes at most. A chunk's
 * arrays die young in a service's small heap (one 10,000-row array of several MB went to the old generation and cost
 * full collections), and PostgreSQL keeps a chunk's unnest rows in memory: above work_mem (4 MB by default) a function
 * scan's rows go to a temp file.
 */
public final class RowsPerStatement {

    /** Rows written per statement. */
    public static final int MOST = 1000;

    private RowsPerStatement() {
    }

    /** {@code rows} in consecutive chunks of at most {@value #MOST}, in list order (views, not copies). */
    public static <T> List<List<T>> chunks(List<T> rows) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += MOST) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + MOST)));
        }
        return chunks;
    }
}
