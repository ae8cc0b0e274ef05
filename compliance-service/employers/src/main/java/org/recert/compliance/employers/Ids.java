package org.recert.compliance.employers;

import org.recert.platform.problem.ProblemException;
import org.recert.platform.web.LearnerIds;

/** Learner ids checked up front, so that a malformed one answers 400 naming the parameter (UUIDs: platform RequestParameters). */
public final class Ids {

    private Ids() {
    }

    public static String learner(String value, String field) {
        if (!LearnerIds.isValid(value)) {
            throw ProblemException.invalid(field, "must be a learner id (" + LearnerIds.PATTERN + ")");
        }
        return value;
    }
}
