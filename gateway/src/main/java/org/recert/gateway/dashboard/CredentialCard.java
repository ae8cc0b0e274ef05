package org.recert.gateway.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One credential on the dashboard: the headline figures, the full status, and the cheapest plan to close the gap. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DashboardCredential")
public record CredentialCard(
        @Schema(examples = "CMA_AAMA") String credential,
        @Schema(description = "headline figures taken from the status; absent when the status is missing", nullable = true) Summary summary,
        @Schema(description = "as GET /api/v1/compliance/learners/{learnerId}/status answers") Part status,
        @Schema(description = "as GET /api/v1/compliance/learners/{learnerId}/plan answers") Part cheapestPlan) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DashboardCredentialSummary")
    public record Summary(
            @Schema(examples = "AT_RISK") String status,
            @Schema(examples = "2027-03-31") LocalDate dueDate,
            @Schema(examples = "126") Integer daysRemaining,
            @Schema(description = "points still missing in total", examples = "22") BigDecimal shortfall,
            @Schema(description = "each requirement still short") List<Shortfall> shortfalls) {
    }

    @Schema(name = "DashboardShortfall")
    public record Shortfall(@Schema(examples = "CLINICAL") String code, @Schema(examples = "6") BigDecimal shortfall) {
    }
}
