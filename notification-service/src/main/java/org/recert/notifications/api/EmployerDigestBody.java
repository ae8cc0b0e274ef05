package org.recert.notifications.api;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an employer chooses for its weekly digest: on or off, the addresses it goes to, and its language. */
@Schema(name = "EmployerDigestRequest", example = """
        {"enabled":true,"recipients":["hr@care-clinic.example"],"language":"en"}""")
public record EmployerDigestBody(
        @NotNull Boolean enabled,
        @Schema(description = "where the digest goes (at least one while enabled)")
        @NotNull @Size(max = 10) List<@NotBlank @Email @Pattern(regexp = ADDRESS, message = "must be one email address") @Size(max = 320) String> recipients,
        @Schema(nullable = true, description = "en or es; absent or null: English")
        @Size(max = 16) String language) {

    /** One address and nothing around it: no spaces, line breaks or lists that could reach a mail header. */
    static final String ADDRESS = "[^\\s,;<>]+@[^\\s,;<>]+";
}
