package org.recert.contracts;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The data of a {@code compliance.roster.v1} event (docs/events/compliance.roster.v1.schema.json): a learner's place on
 * one organization's roster after a change, as a whole. {@code consent} is whether the learner shares their status with
 * that organization now; a consumer shows an employer a member only while {@code member} and {@code consent} both hold.
 */
public record RosterEvent(
        UUID organizationId,
        String learnerId,
        boolean member,
        boolean consent,
        @JsonInclude(JsonInclude.Include.NON_NULL) String staffRef,
        @JsonInclude(JsonInclude.Include.NON_NULL) String organizationName) {

    public static final String CHANGED = "RosterMembershipChanged";
}
