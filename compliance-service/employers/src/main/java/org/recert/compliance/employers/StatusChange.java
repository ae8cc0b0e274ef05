package org.recert.compliance.employers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.recert.compliance.status.Provenance;

/**
 * A change of a learner's stored status, reduced to what an employer may see: no credits, only the status,
 * its dates and the total shortfall.
 */
public record StatusChange(
        String learnerId,
        String credential,
        String oldStatus,
        String newStatus,
        LocalDate cycleStart,
        LocalDate dueDate,
        Integer daysRemaining,
        BigDecimal shortfall,
        Instant changedAt,
        Provenance provenance) {
}
