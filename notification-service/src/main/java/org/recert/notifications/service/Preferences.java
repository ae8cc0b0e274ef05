package org.recert.notifications.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.recert.notifications.NotificationsConfig;
import org.recert.notifications.domain.Languages;
import org.recert.notifications.store.PreferenceEntity;
import org.recert.platform.problem.ProblemException;

/** Each learner's channels, offsets and language; the email address is the one their token carried when they saved. */
@ApplicationScoped
@Transactional
public class Preferences {

    /**
     * What a learner chose, or the defaults when they never chose.
     *
     * @param language       the language of their reminders: the chosen one, else their sign-in's, else English
     * @param chosenLanguage the one they chose; null when they follow their sign-in
     */
    public record Choice(String email, boolean emailEnabled, List<Integer> offsets, String language, String chosenLanguage,
            Instant emailRefusedAt, String emailRefusal, boolean emailRefusalPermanent) {
    }

    /** A locale claim as identity providers write it ("es", "es-MX", "es_MX"); anything else is not kept. */
    private static final String LOCALE_TAG = "[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8}){0,4}";

    private final EntityManager entityManager;
    private final NotificationsConfig config;
    private final Clock clock;

    public Preferences(EntityManager entityManager, NotificationsConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    /** The learner's choices; {@code signInLocale} is the locale claim of the token they call with (null: none, or no call). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Choice of(String learnerId, String signInLocale) {
        PreferenceEntity preference = entityManager.find(PreferenceEntity.class, learnerId);
        if (preference == null) {
            return new Choice(null, true, config.defaultOffsets(), Languages.of(null, signInLocale), null, null, null, false);
        }
        String locale = signInLocale != null ? signInLocale : preference.tokenLocale;
        return new Choice(preference.email, preference.emailEnabled,
                Arrays.stream(preference.offsets.split(",")).map(Integer::valueOf).toList(), Languages.of(preference.language, locale),
                preference.language, preference.emailRefusedAt, preference.emailRefusal,
                preference.emailRefusalPermanent);
    }

    /**
     * Saves a learner's choices with the address and locale of the token they saved with (kept for the mail, which is sent
     * with no token at hand). {@code language} null follows the sign-in; one that is not supported is refused, naming it.
     */
    public Choice save(String learnerId, String email, String signInLocale, boolean emailEnabled, List<Integer> offsets,
            String language) {
        if (language != null && !Languages.SUPPORTED.contains(language)) {
            throw ProblemException.invalid("language", "must be one of " + String.join(", ", Languages.SUPPORTED)
                    + ", or absent to follow the language of your sign-in");
        }
        String locale = signInLocale != null && signInLocale.matches(LOCALE_TAG) ? signInLocale : null;
        PreferenceEntity preference = entityManager.find(PreferenceEntity.class, learnerId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        boolean created = preference == null;
        if (created) {
            preference = new PreferenceEntity();
            preference.learnerId = learnerId;
        }
        boolean mailWasOn = !created && preference.emailEnabled && preference.email != null;
        preference.email = email;
        preference.emailEnabled = emailEnabled;
        preference.offsets = offsets.stream().distinct().sorted((a, b) -> b - a).map(String::valueOf).collect(Collectors.joining(","));
        preference.language = language;
        preference.tokenLocale = locale;
        preference.updatedAt = clock.instant();
        if (created) {
            entityManager.persist(preference);
        } else if (preference.emailRefusedAt != null) {
            retryNow(preference);
        }
        if (!mailWasOn && emailEnabled && email != null) {
            entityManager.flush();
            mailNewestReminders(learnerId);
        }
        return of(learnerId, locale);
    }

    /**
     * The learner saved again, perhaps with a corrected address: the mark goes, and what waited for it, the given-up
     * reminders included, is tried at once. Nothing refused is lost.
     */
    private void retryNow(PreferenceEntity preference) {
        preference.emailRefusedAt = null;
        preference.emailRefusal = null;
        preference.emailRefusalPermanent = false;
        preference.emailRetryAt = null;
        entityManager.createNativeQuery("""
                update notification set email_state = 'PENDING', attempts = 0, next_attempt_at = ?2
                where learner_id = ?1 and email_state in ('PENDING', 'FAILED')""")
                .setParameter(1, preference.learnerId).setParameter(2, clock.instant()).executeUpdate();
    }

    /**
     * Mail just turned on (a first address, or back after email was off): the newest reminder of each credential's
     * current cycle goes out now if its mail was skipped, so the learner hears where they stand at once rather than at
     * the next offset; the older skipped ones stay skipped (no flood of stale mail). The mail worker still skips one
     * that is no longer due, and words it with what is missing now.
     */
    private void mailNewestReminders(String learnerId) {
        entityManager.createNativeQuery("""
                update notification set email_state = 'PENDING', attempts = 0, next_attempt_at = ?2, email_note = null
                where id in (select id from (select distinct on (n.credential) n.id, n.email_state
                                             from notification n
                                             join learner_status s on s.learner_id = n.learner_id and s.credential = n.credential
                                                                  and s.cycle_start = n.cycle_start
                                             where n.learner_id = ?1
                                             order by n.credential, n.id desc) newest
                             where newest.email_state = 'SKIPPED')""")
                .setParameter(1, learnerId).setParameter(2, clock.instant()).executeUpdate();
    }

    /** One-click unsubscribe: email off, everything else kept. */
    public void unsubscribe(String learnerId) {
        PreferenceEntity preference = entityManager.find(PreferenceEntity.class, learnerId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (preference == null) {
            save(learnerId, null, null, false, config.defaultOffsets(), null);
            return;
        }
        preference.emailEnabled = false;
        preference.updatedAt = clock.instant();
    }
}
