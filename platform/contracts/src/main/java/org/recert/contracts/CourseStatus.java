package org.recert.contracts;

/** DRAFT, then PUBLISHED, then RETIRED; drafts never leave the catalog as events. */
public enum CourseStatus {
    DRAFT,
    PUBLISHED,
    RETIRED
}
