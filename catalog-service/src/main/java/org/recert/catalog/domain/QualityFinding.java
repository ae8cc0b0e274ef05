package org.recert.catalog.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.contracts.QualityCriterion;

@Schema(description = "One quality criterion, met or not, with the reason")
public record QualityFinding(
        @Schema(examples = "REASONABLE_FEE") QualityCriterion criterion,
        @Schema(examples = "true") boolean met,
        @Schema(examples = "12.50 USD per contact hour, at or under the 30.00 USD limit") String reason,
        @Schema(description = "Points this criterion contributes to the score when met", examples = "15") int weight) {
}
