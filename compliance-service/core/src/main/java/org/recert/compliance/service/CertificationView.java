package org.recert.compliance.service;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.compliance.store.CertificationEntity;

/** One certification cycle of a learner, as the service hands it out (the entity stays inside). */
@Schema(name = "Certification", example = """
        {"learnerId":"maria","credential":"CMA_AAMA","certifiedOn":"2022-03-15","cycleStart":"2022-03-15","dueDate":"2027-03-31",
         "graceEnd":"2027-06-29","current":true,"recordedAt":"2026-01-05T10:15:30Z","recordedBy":"maria","supersededAt":null,
         "selfReported":true}""")
public record CertificationView(String learnerId, String credential, LocalDate certifiedOn, LocalDate cycleStart, LocalDate dueDate,
        LocalDate graceEnd, boolean current, Instant recordedAt, String recordedBy,
        @Schema(nullable = true, description = "when a later certification replaced this one; null while current") Instant supersededAt,
        @Schema(description = "The learner recorded this date themselves: nobody else vouches for it") boolean selfReported) {

    static CertificationView of(CertificationEntity row) {
        return new CertificationView(row.learnerId, row.credential, row.certifiedOn, row.cycleStart, row.dueDate, row.graceEnd,
                row.supersededAt == null, row.recordedAt, row.recordedBy, row.supersededAt, row.selfReported);
    }
}
