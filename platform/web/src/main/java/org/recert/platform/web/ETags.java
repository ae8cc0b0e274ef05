package org.recert.platform.web;

import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

import org.recert.platform.problem.ProblemException;

/**
 * The one way a Recert service tags a record: a strong ETag over its version ({@code "3"}), set on every answer that
 * carries the record, the If-Match check of optimistic concurrency on changes, and If-None-Match on reads.
 */
public final class ETags {

    /** {@code *}, or entity-tags ({@code "3"}, {@code W/"3"}) separated by commas, as RFC 9110 writes them. */
    private static final Pattern TAG_LIST = Pattern.compile(
            "\\s*(\\*|(W/)?\"[\\x21\\x23-\\x7E]*\"(\\s*,\\s*(W/)?\"[\\x21\\x23-\\x7E]*\")*)\\s*");

    /** Longer than any list a client that holds our copies could send: the check never scans an attacker's megabyte. */
    private static final int MAX_TAG_LIST = 1024;

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
     * (or is {@code *}), otherwise 200 with {@code entity} and its ETag; 400 naming the header when it is no list of
     * entity-tags (a client that sent one means something we cannot read, and answering 200 would hide that).
     */
    public static Response read(Object entity, long version, String ifNoneMatch) {
        if (ifNoneMatch != null && !ifNoneMatch.isBlank()
                && (ifNoneMatch.length() > MAX_TAG_LIST || !TAG_LIST.matcher(ifNoneMatch).matches())) {
            throw ProblemException.invalid("If-None-Match", "must be * or entity-tags such as \"3\", separated by commas");
        }
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
