package org.recert.contracts;

/** How a course is delivered; a credit taken from a course has the activity type of the same name. */
public enum CourseFormat {
    FORMAL_CLASS,
    ONLINE_WORKSHOP,
    SEMINAR,
    CONFERENCE,
    LOCAL_WORKSHOP,
    COLLEGE_COURSE,
    CPR_CERTIFICATION,
    SELF_STUDY
}
