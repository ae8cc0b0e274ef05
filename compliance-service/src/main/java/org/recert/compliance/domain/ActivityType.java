package org.recert.compliance.domain;

/** What kind of activity earned a credit; a rule set may refuse some of them. */
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
