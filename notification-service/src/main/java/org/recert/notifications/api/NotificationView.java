package org.recert.notifications.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.notifications.service.Feed;

/** One reminder in a learner's in-app feed, worded in their language (GET /notifications/me/preferences says which). */
@Schema(name = "Notification", example = """
        {"id":12,"credential":"CMA_AAMA","kind":"DUE_30","status":"AT_RISK","actBy":"2027-02-28",
         "subject":"CMA_AAMA: 30 days left to recertify","body":"You must act by 2027-02-28 to keep your CMA_AAMA. Still missing: ...",
         "missing":["4 more clinical points (6 of 10)"],"createdAt":"2027-01-29T12:00:00Z","read":false}""")
public record NotificationView(long id, String credential,
        @Schema(description = "DUE_<days> for the schedule before the act-by date, or the status reported: AT_RISK, GRACE, LAPSED, COMPLIANT")
        String kind, String status, LocalDate actBy, String subject, String body, List<String> missing, Instant createdAt, boolean read) {

    static NotificationView of(Feed.Shown shown) {
        return new NotificationView(shown.id(), shown.credential(), shown.kind(), shown.status(), shown.actBy(), shown.wording().subject(),
                shown.wording().body(), shown.wording().missing(), shown.createdAt(), shown.read());
    }
}
