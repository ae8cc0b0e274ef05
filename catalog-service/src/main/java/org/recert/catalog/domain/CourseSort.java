package org.recert.catalog.domain;

import java.util.Arrays;
import java.util.Optional;

/** Orders of the course search, by their query-parameter names. */
public enum CourseSort {
    /** Best full-text match first when there is a query, best quality score first otherwise. */
    RELEVANCE("relevance"),
    /** Cheapest first (free courses lead). */
    FEE("fee"),
    /** Most contact time per dollar first (free courses lead); a measure every course has, whatever credential it counts for. */
    HOURS_PER_DOLLAR("hoursPerDollar", "creditPerDollar");

    private final String parameter;
    /** The name this order had when it ranked by CMA points; still accepted so that existing clients keep working. */
    private final String deprecatedParameter;

    CourseSort(String parameter) {
        this(parameter, null);
    }

    CourseSort(String parameter, String deprecatedParameter) {
        this.parameter = parameter;
        this.deprecatedParameter = deprecatedParameter;
    }

    public String parameter() {
        return parameter;
    }

    public static Optional<CourseSort> ofParameter(String value) {
        return Arrays.stream(values()).filter(s -> s.parameter.equals(value) || value.equals(s.deprecatedParameter)).findFirst();
    }
}
