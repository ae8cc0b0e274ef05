package org.recert.notifications.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages reminders are written in, and which one a learner reads. */
public final class Languages {

    public static final String ENGLISH = "en";
    /** One message bundle each (templates/messages); English is the default. */
    public static final List<String> SUPPORTED = List.of(ENGLISH, "es");

    private Languages() {
    }

    /** A learner's language: the one they chose, else their sign-in's locale where it is supported, else English. */
    public static String of(String chosen, String signInLocale) {
        if (chosen != null && SUPPORTED.contains(chosen)) {
            return chosen;
        }
        return ofLocale(signInLocale).orElse(ENGLISH);
    }

    /** The supported language of a locale as an identity provider writes it ("es", "es-MX", "es_MX"); empty otherwise. */
    public static Optional<String> ofLocale(String locale) {
        if (locale == null || locale.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(locale.strip().replace('_', '-')).getLanguage();
        return SUPPORTED.contains(language) ? Optional.of(language) : Optional.empty();
    }
}
