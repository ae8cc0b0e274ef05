package org.recert.platform.web;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.recert.platform.problem.ProblemException;

/**
 * The {@code cursor} and {@code limit} of every cursor-paged list, taken as {@code @BeanParam PageRequest page} and
 * checked here only: the limit is a whole number (by {@link RequestParameters}) between 1 and the list's maximum, the
 * cursor one the list issued (by {@link Cursor#decode}, where the list reads it).
 */
public class PageRequest {

    @QueryParam("cursor")
    @Parameter(description = "nextCursor of the previous page")
    String cursor;

    @QueryParam("limit")
    @Parameter(description = "Page size, from 1 to the list's maximum (see the operation)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"), example = "20")
    Integer limit;

    public PageRequest() {
    }

    /** A request as a client would send it (demo data and tests). */
    public static PageRequest of(String cursor, Integer limit) {
        PageRequest page = new PageRequest();
        page.cursor = cursor;
        page.limit = limit;
        return page;
    }

    /** The cursor of the previous page, null for the first page. */
    public String cursor() {
        return cursor == null || cursor.isBlank() ? null : cursor.strip();
    }

    /** The page size asked for, or {@code defaultSize}; a 400 naming {@code limit} when outside 1..{@code maxSize}. */
    public int size(int defaultSize, int maxSize) {
        if (limit == null) {
            return Math.min(defaultSize, maxSize);
        }
        if (limit < 1 || limit > maxSize) {
            throw ProblemException.invalid("limit", "must be between 1 and " + maxSize);
        }
        return limit;
    }
}
