package org.recert.platform.web;

import org.recert.platform.problem.ProblemException;

/** Strong ETags over a record's version, and the If-Match check of optimistic concurrency. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Fails with 428 when If-Match is missing and 412 when it names another version than {@code current}. */
    public static void requireMatch(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired();
        }
        String trimmed = ifMatch.trim();
        if (trimmed.equals("*")) {
            return;
        }
        if (trimmed.startsWith("W/")) {
            trimmed = trimmed.substring(2);
        }
        if (!trimmed.equals(of(current))) {
            throw ProblemException.preconditionFailed("the record is at version " + current + ", not " + ifMatch);
        }
    }
}
