package org.recert.compliance.employers;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;



/**
 * What part of a roster to read, in which order, from where.
 *
 * @param statuses  only consenting members whose status is one of these (empty: any, consenting or not)
 * @param dueBefore only consenting members due strictly before this day
 * @param consent   GRANTED or PENDING, or null for both
 * @param after     the sort values of the last row already seen (from a cursor), or empty
 * @param limit     rows wanted; 0 for all (CSV export)
 * @param learnerId only this member, or null for all
 */
public record RosterFilter(
        UUID organizationId,
        Set<String> statuses,
        LocalDate dueBefore,
        String credential,
        String consent,
        RosterSort sort,
        List<String> after,
        int limit,
        String learnerId) {
}
