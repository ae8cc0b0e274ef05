package org.recert.compliance.employers.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.compliance.employers.EmployerOrganization;

/** Bodies of the organization endpoints. */
public final class OrganizationDtos {

    private OrganizationDtos() {
    }

    @Schema(name = "NewOrganization")
    public record NewOrganization(
            @NotBlank @Size(max = 200) @Schema(examples = "Care Clinic") String name) {
    }

    @Schema(name = "Organization")
    public record OrganizationView(
            @Schema(examples = "22222222-2222-4222-8222-222222222222") UUID id,
            @Schema(examples = "Care Clinic") String name,
            OffsetDateTime createdAt) {

        static OrganizationView of(EmployerOrganization organization) {
            return new OrganizationView(organization.id(), organization.name(), organization.createdAt());
        }
    }
}
