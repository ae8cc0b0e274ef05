package org.recert.gateway.devtokens;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.platform.web.LearnerIds;

/** Who the local token is for. */
@Schema(name = "DevTokenRequest", description = "The claims of a local token")
public record TokenRequest(
        @NotNull @Pattern(regexp = LearnerIds.PATTERN) @Schema(description = "the subject; a learner's id", examples = "maria") String sub,
        @NotEmpty @Size(max = 5)
        @Schema(description = "roles", examples = "[\"learner\"]") List<@NotNull @Pattern(regexp = "learner|employer|provider|curator|admin",
                message = "must be one of learner, employer, provider, curator, admin") String> groups,
        @Size(max = 64) @Schema(description = "an employer's organization id", examples = "22222222-2222-4222-8222-222222222222", nullable = true) String org,
        @Size(max = 64) @Schema(description = "a provider's id", examples = "11111111-1111-4111-8111-111111111111", nullable = true) String provider) {
}
