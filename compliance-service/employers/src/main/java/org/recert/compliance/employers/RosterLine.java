package org.recert.compliance.employers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.recert.compliance.status.Provenance;

/**
 * One line of a roster: a member and, only when they consent, the stored status of one credential.
 * Without consent every status field (and provenance) is null. {@code sortKey}: the row's values of the roster's order, for cursors.
 */
public record RosterLine(
        String learnerId,
        String staffRef,
        boolean consented,
        String credential,
        String status,
        LocalDate cycleStart,
        LocalDate dueDate,
        BigDecimal shortfall,
        OffsetDateTime evaluatedAt,
        List<String> sortKey,
        Provenance provenance) {
}
