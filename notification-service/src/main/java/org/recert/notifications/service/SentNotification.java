package org.recert.notifications.service;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.notifications.store.NotificationEntity;

/** For admins: a reminder, why it was decided, and what became of its mail. */
@Schema(name = "SentNotification")
public record SentNotification(long id, String learnerId, String credential, LocalDate cycleStart, String kind,
        @Schema(description = "the status the reminder was decided on") String status, LocalDate actBy,
        @Schema(description = "in English as decided; once sent, as sent, in language") String subject, String body,
        @Schema(nullable = true, description = "the language the mail went out in; null until sent") String language,
        Instant createdAt,
        @Schema(description = "PENDING (also while the address is refused for good, until the learner gives another), SENT, "
                + "SKIPPED (no address, email off, no longer due, superseded) or FAILED (attempts exhausted)")
        String emailState, String emailTo, @Schema(description = "why it was skipped, or the last send error") String emailNote,
        int attempts, Instant sentAt) {

    static SentNotification of(NotificationEntity entity) {
        return new SentNotification(entity.id, entity.learnerId, entity.credential, entity.cycleStart, entity.kind, entity.status, entity.actBy,
                entity.subject, entity.body, entity.language, entity.createdAt, entity.emailState, entity.emailTo, entity.emailNote, entity.attempts,
                entity.sentAt);
    }
}
