package org.recert.credits.domain;

/** Ways of earning credit: the seed's list, plus the ones recertifying bodies recognise. */
public enum ActivityType {
    FORMAL_CLASS,
    ONLINE_WORKSHOP,
    SEMINAR,
    CONFERENCE,
    LOCAL_WORKSHOP,
    /** Kept as the seed lists it; the CMA (AAMA) rule set refuses it, with the reason shown to the learner. */
    CONTINUED_EMPLOYMENT,
    ON_THE_JOB_TRAINING,
    COLLEGE_COURSE,
    CPR_CERTIFICATION,
    SELF_STUDY,
    AUTHORSHIP;

    /** A catalog course format maps to the activity type of the same name (contracts.md). */
    public static ActivityType ofCourseFormat(String format) {
        try {
            return valueOf(format);
        } catch (IllegalArgumentException | NullPointerException e) {
            return ONLINE_WORKSHOP;
        }
    }
}
