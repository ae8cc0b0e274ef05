package org.recert.contracts;

/** What kind of activity earned a credit; a rule set may refuse some of them (CONTINUED_EMPLOYMENT is kept as the seed lists it). */
public enum ActivityType {
    FORMAL_CLASS,
    ONLINE_WORKSHOP,
    SEMINAR,
    CONFERENCE,
    LOCAL_WORKSHOP,
    CONTINUED_EMPLOYMENT,
    ON_THE_JOB_TRAINING,
    COLLEGE_COURSE,
    CPR_CERTIFICATION,
    SELF_STUDY,
    AUTHORSHIP
}
