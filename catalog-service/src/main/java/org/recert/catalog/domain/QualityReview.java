package org.recert.catalog.domain;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The six findings and the score (0-100, the weights of the criteria met); flags call out what a learner should notice. */
@Schema(description = "Quality review of a course against the six criteria of the seed")
public record QualityReview(
        @Schema(examples = "85") int score,
        List<QualityFinding> findings,
        @Schema(description = "FREE_COURSE: free courses' quality is often hard to establish", examples = "[\"FREE_COURSE\"]") List<String> flags) {

    public static final String FREE_COURSE = "FREE_COURSE";
}
