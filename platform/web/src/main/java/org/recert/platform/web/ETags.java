package org.recert.platform.web;

import jakarta.ws.rs.core.Response;

import org.recert.platform.problem.ProblemException;

/**
 * The one way a Recert service tags a record: a strong ETag over its version ({@code "3"}), set on every answer that
 * carries the record, the If-Match check of optimistic concurrency on changes, and If-None-Match on reads.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** {@code response} with the ETag of {@code version}. */
    public static Response.ResponseBuilder tagged(Response.ResponseBuilder response, long version) {
        return response.header("ETag", of(version));
    }

    /** 200 with {@code entity} and its ETag. */
    public static Response ok(Object entity, long version) {
        return tagged(Response.ok(entity), version).build();
    }

    /**
     * A read of a record at {@code version}: 304 with its ETag and no body when {@code ifNoneMatch} names that version
     * (or is {@code *}), otherwise 200 with {@code entity} and its ETag.
     */
    public static Response read(Object entity, long version, String ifNoneMatch) {
        if (names(ifNoneMatch, version)) {
            return tagged(Response.notModified(), version).build();
        }
        return ok(entity, version);
    }

    /** Fails with 428 when If-Match is missing and 412 when it names another version than {@code current}. */
    public static void requireMatch(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired();
        }
        if (!names(ifMatch, current)) {
            throw ProblemException.preconditionFailed("the record is at version " + current + ", not " + ifMatch.strip());
        }
    }

    /** Whether an If-Match or If-None-Match list ({@code "1", W/"2"} or {@code *}) names {@code version}. */
    static boolean names(String header, long version) {
        if (header == null || header.isBlank()) {
            return false;
        }
        String current = of(version);
        for (String tag : header.split(",")) {
            String trimmed = tag.strip();
            if (trimmed.equals("*")) {
                return true;
            }
            if (trimmed.startsWith("W/")) {
                trimmed = trimmed.substring(2);
            }
            if (trimmed.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
