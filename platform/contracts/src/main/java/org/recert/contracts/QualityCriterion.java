package org.recert.contracts;

/** The six questions the seed asks of a course, in its order. */
public enum QualityCriterion {
    RATIONALE_STATED,
    LEARNING_OUTCOMES_STATED,
    INSTRUCTOR_CREDENTIALS,
    INSTRUCTIONAL_METHODS,
    REASONABLE_FEE,
    REFUND_POLICY
}
