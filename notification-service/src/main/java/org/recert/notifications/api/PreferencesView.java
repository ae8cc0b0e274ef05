package org.recert.notifications.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A learner's own preferences; the email is the one their token carried when they last saved. */
@Schema(name = "NotificationPreferences", example = """
        {"email":"maria@example.org","emailEnabled":true,"offsets":[180,90,30,14,7,1],"language":"es","chosenLanguage":null}""")
public record PreferencesView(@Schema(nullable = true) String email, boolean emailEnabled, List<Integer> offsets,
        @Schema(description = "the language of the caller's reminders, mails and calendar: the chosen one, else the sign-in's "
                + "(token locale claim) where supported, else en") String language,
        @Schema(nullable = true, description = "the language the caller chose; null: they follow their sign-in") String chosenLanguage,
        @Schema(nullable = true, description = "when a send to the address failed, none having succeeded since (null: no problem); "
                + "saving the preferences again retries at once") Instant emailRefusedAt,
        @Schema(nullable = true, description = "what the mail server answered then") String emailRefusal,
        @Schema(description = "true: the receiving server refused the address for good (a 5xx reply); no mail is sent to it "
                + "until the preferences are saved again, with a new address") boolean emailRefusalPermanent) {
}
