package org.recert.compliance.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;

import org.recert.platform.problem.ProblemException;

/** The dates the API accepts: ISO days, not before the earliest configured day, certifications not in the future. */
@ApplicationScoped
public class Dates {

    private final ComplianceConfig config;
    private final Evaluations evaluations;

    public Dates(ComplianceConfig config, Evaluations evaluations) {
        this.config = config;
        this.evaluations = evaluations;
    }

    public LocalDate parse(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO date such as 2026-01-31, not '" + value + "'");
        }
    }

    public void requireCertificationDate(String field, LocalDate day) {
        if (day == null) {
            throw ProblemException.invalid(field, "is required");
        }
        LocalDate today = evaluations.today();
        if (day.isAfter(today)) {
            throw ProblemException.invalid(field, "cannot be in the future (today is " + today + ")");
        }
        if (day.isBefore(earliest())) {
            throw ProblemException.invalid(field, "cannot be before " + earliest());
        }
    }

    /** An evaluation day: today when absent, otherwise within [earliest, today + maxAsOfYearsAhead]. */
    public LocalDate asOf(String field, String value) {
        LocalDate today = evaluations.today();
        if (value == null || value.isBlank()) {
            return today;
        }
        LocalDate day = parse(field, value);
        LocalDate latest = today.plusYears(config.maxAsOfYearsAhead());
        if (day.isBefore(earliest()) || day.isAfter(latest)) {
            throw ProblemException.invalid(field, "must be between " + earliest() + " and " + latest);
        }
        return day;
    }

    private LocalDate earliest() {
        return LocalDate.parse(config.earliestDate());
    }
}
