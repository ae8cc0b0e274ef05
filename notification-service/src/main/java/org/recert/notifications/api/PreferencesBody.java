package org.recert.notifications.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a learner chooses: email on or off, the days before the act-by date to be reminded at, and a language. */
@Schema(name = "NotificationPreferencesRequest", example = """
        {"emailEnabled":true,"offsets":[90,30,7],"language":"es"}""")
public record PreferencesBody(
        @NotNull Boolean emailEnabled,
        @NotNull @Size(min = 1, max = 12) List<@NotNull @Min(1) @Max(730) Integer> offsets,
        @Schema(nullable = true, description = "the language of reminders, mails and the calendar: en or es; absent or null follows "
                + "the sign-in (the token's locale claim), else English")
        @Size(max = 16) String language) {
}
