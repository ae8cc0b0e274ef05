package org.recert.credits.domain;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What proves the credit: the certificate's metadata (the file itself is kept by the learner). */
@Schema(examples = "{\"issuer\":\"AAMA e-Learning Center\",\"certificateNumber\":\"C-2025-0042\",\"fileName\":\"certificate.pdf\","
        + "\"sha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}")
public record Evidence(
        @Size(max = 200) String issuer,
        @Size(max = 100) String certificateNumber,
        @Size(max = 255) String fileName,
        @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hexadecimal digits (a SHA-256)") String sha256) {

    public Evidence {
        sha256 = sha256 == null ? null : sha256.toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isEmpty() {
        return issuer == null && certificateNumber == null && fileName == null && sha256 == null;
    }
}
