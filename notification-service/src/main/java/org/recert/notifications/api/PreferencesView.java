package org.recert.notifications.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A learner's own preferences; the email is the one their token carried when they last saved. */
@Schema(name = "NotificationPreferences", example = """
        {"email":"maria@example.org","emailEnabled":true,"offsets":[180,90,30,14,7,1],"language":"en"}""")
public record PreferencesView(@Schema(nullable = true) String email, boolean emailEnabled, List<Integer> offsets, String language) {
}
