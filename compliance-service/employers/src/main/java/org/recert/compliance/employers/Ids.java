package org.recert.compliance.employers;

import java.util.UUID;

import org.recert.platform.problem.ProblemException;
import org.recert.platform.web.LearnerIds;

/** Path and query ids checked up front, so that a malformed one answers 400 naming the parameter. */
public final class Ids {

    private Ids() {
    }

    public static UUID uuid(String value, String field) {
        if (value == null || value.length() != 36) {
            throw ProblemException.invalid(field, "must be a UUID");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be a UUID");
        }
    }

    public static String learner(String value, String field) {
        if (!LearnerIds.isValid(value)) {
            throw ProblemException.invalid(field, "must be a learner id (" + LearnerIds.PATTERN + ")");
        }
        return value;
    }
}
