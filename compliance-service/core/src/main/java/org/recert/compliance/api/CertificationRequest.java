package org.recert.compliance.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The date of certification or of the last recertification; it starts the cycle. */
@Schema(name = "CertificationRequest", example = "{\"certifiedOn\":\"2022-02-10\"}")
public record CertificationRequest(
        @NotNull @Schema(description = "Date of certification or last recertification, not in the future", example = "2022-02-10")
        LocalDate certifiedOn) {
}
