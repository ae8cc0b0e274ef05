package org.recert.contracts;

/** General CEUs cover medical assisting broadly; specialty CEUs one field of it, such as phlebotomy. */
public enum CourseScope {
    GENERAL,
    SPECIALTY
}
