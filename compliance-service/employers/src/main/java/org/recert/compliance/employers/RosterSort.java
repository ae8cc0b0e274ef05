package org.recert.compliance.employers;

/** Orders of a roster, as the API names them; the store turns each into columns that page without skipping a row. */
public enum RosterSort {
    /** Soonest due first; members without a due date (pending, no certification) last. */
    DUE_DATE("dueDate"),
    /** By learner id, then credential. */
    LEARNER_ID("learnerId");

    private final String parameter;

    RosterSort(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public static RosterSort fromParameter(String value) {
        for (RosterSort sort : values()) {
            if (sort.parameter.equals(value)) {
                return sort;
            }
        }
        return null;
    }
}
