package org.recert.compliance.employers.store;

/** Orders of a roster; each ends on unique columns so that keyset paging never skips or repeats a row. */
public enum RosterSort {
    /** Soonest due first; members without a due date (pending, no certification) last. */
    DUE_DATE("dueDate", "coalesce(s.due_date, date '9999-12-31')", "m.learner_id", "coalesce(s.credential, '')"),
    /** By learner id, then credential. */
    LEARNER_ID("learnerId", "m.learner_id", "coalesce(s.credential, '')");

    private final String parameter;
    private final String[] keys;

    RosterSort(String parameter, String... keys) {
        this.parameter = parameter;
        this.keys = keys;
    }

    public String parameter() {
        return parameter;
    }

    String[] keys() {
        return keys;
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
