package org.recert.catalog.domain;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A provider as a curator writes it. */
@Schema(name = "ProviderInput", description = "A provider of continuing education, as a curator writes it")
public record ProviderInput(
        @NotBlank @Size(max = 200) @Schema(examples = "AAMA e-Learning Center") String name,
        @NotNull @Schema(examples = "AAMA_APPROVED_INSTITUTION") ProviderKind kind,
        @NotNull @Schema(examples = "APPROVED") AamaProviderStatus aamaStatus,
        @Size(max = 100) @Schema(examples = "Care Academy Continuing Education") String contactName,
        @Email @Size(max = 254) @Schema(examples = "ce@example.org") String contactEmail,
        @Pattern(regexp = "[0-9+() .-]{5,30}", message = "must be a phone number") @Schema(examples = "+1 312 555 0100") String contactPhone,
        @Pattern(regexp = "https?://[^\\s]{3,490}", message = "must be an http(s) URL") @Schema(examples = "https://www.example.org/ce") String website,
        @Schema(description = "Defaults to true; an inactive provider gets no new courses", examples = "true") Boolean active) {
}
