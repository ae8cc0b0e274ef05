package org.recert.gateway.dashboard;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The learner's page in one call: each credential's standing and cheapest plan, the latest credits, courses to take. */
@Schema(name = "Dashboard", description = "The caller's dashboard, composed from the services; a part that could not be fetched is marked, not fatal")
public record Dashboard(
        @Schema(examples = "maria") String learnerId,
        @Schema(examples = "2026-11-25T10:15:30Z") Instant generatedAt,
        @Schema(description = "true when every part was fetched") boolean complete,
        List<CredentialCard> credentials,
        @Schema(description = "the latest credits, as GET /api/v1/credits/learners/{learnerId}/credits answers") Part recentCredits,
        @Schema(description = "a few free AAMA-approved courses, as GET /api/v1/catalog/courses answers") Part suggestedCourses) {
}
