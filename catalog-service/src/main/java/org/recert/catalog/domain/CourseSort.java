package org.recert.catalog.domain;

import java.util.Arrays;
import java.util.Optional;

/** Orders of the course search, by their query-parameter names. */
public enum CourseSort {
    /** Best full-text match first when there is a query, best quality score first otherwise. */
    RELEVANCE("relevance"),
    /** Cheapest first (free courses lead). */
    FEE("fee"),
    /** Most CMA points per dollar first (free courses lead). */
    CREDIT_PER_DOLLAR("creditPerDollar");

    private final String parameter;

    CourseSort(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public static Optional<CourseSort> ofParameter(String value) {
        return Arrays.stream(values()).filter(s -> s.parameter.equals(value)).findFirst();
    }
}
