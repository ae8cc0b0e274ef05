package org.recert.compliance.domain;

import java.time.LocalDate;

/**
 * An activity type that does not count, and why.
 *
 * @param completedFrom the exclusion covers activity completed on or after this day; null: whenever completed
 */
public record ActivityExclusion(String reason, LocalDate completedFrom) {

    public ActivityExclusion {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRuleSetException("an excluded activity needs a reason");
        }
    }

    /** True when activity completed on this day does not count. */
    public boolean covers(LocalDate completedOn) {
        return completedFrom == null || !completedOn.isBefore(completedFrom);
    }
}
