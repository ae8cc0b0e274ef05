package org.recert.catalog.domain;

/** DRAFT -> PUBLISHED -> RETIRED; only published and retired courses leave the service as events. */
public enum CourseStatus {
    DRAFT, PUBLISHED, RETIRED
}
