package org.recert.catalog.domain;

/** How a course is delivered; a consumer maps it to the credit activity type of the same name. */
public enum CourseFormat {
    FORMAL_CLASS, ONLINE_WORKSHOP, SEMINAR, CONFERENCE, LOCAL_WORKSHOP, COLLEGE_COURSE, CPR_CERTIFICATION, SELF_STUDY
}
