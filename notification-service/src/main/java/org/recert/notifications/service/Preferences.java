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
import org.recert.notifications.store.PreferenceEntity;

/** Each learner's channels, offsets and language; the email address is the one their token carried when they saved. */
@ApplicationScoped
@Transactional
public class Preferences {

    /** What a learner chose, or the defaults when they never chose. */
    public record Choice(String email, boolean emailEnabled, List<Integer> offsets, String language, Instant emailRefusedAt,
            String emailRefusal) {
    }

    public static final String DEFAULT_LANGUAGE = "en";

    private final EntityManager entityManager;
    private final NotificationsConfig config;
    private final Clock clock;

    public Preferences(EntityManager entityManager, NotificationsConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Choice of(String learnerId) {
        PreferenceEntity preference = entityManager.find(PreferenceEntity.class, learnerId);
        if (preference == null) {
            return new Choice(null, true, config.defaultOffsets(), DEFAULT_LANGUAGE, null, null);
        }
        return new Choice(preference.email, preference.emailEnabled,
                Arrays.stream(preference.offsets.split(",")).map(Integer::valueOf).toList(), preference.language,
                preference.emailRefusedAt, preference.emailRefusal);
    }

    public Choice save(String learnerId, String email, boolean emailEnabled, List<Integer> offsets, String language) {
        PreferenceEntity preference = entityManager.find(PreferenceEntity.class, learnerId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        boolean created = preference == null;
        if (created) {
            preference = new PreferenceEntity();
            preference.learnerId = learnerId;
        }
        preference.email = email;
        preference.emailEnabled = emailEnabled;
        preference.offsets = offsets.stream().distinct().sorted((a, b) -> b - a).map(String::valueOf).collect(Collectors.joining(","));
        preference.language = language;
        preference.updatedAt = clock.instant();
        if (created) {
            entityManager.persist(preference);
        } else if (preference.emailRefusedAt != null) {
            retryNow(preference);
        }
        return of(learnerId);
    }

    /**
     * The learner saved again, perhaps with a corrected address: the mark goes, and what waited for it, the given-up
     * reminders included, is tried at once. Nothing refused is lost.
     */
    private void retryNow(PreferenceEntity preference) {
        preference.emailRefusedAt = null;
        preference.emailRefusal = null;
        preference.emailRetryAt = null;
        entityManager.createNativeQuery("""
                update notification set email_state = 'PENDING', attempts = 0, next_attempt_at = ?2
                where learner_id = ?1 and email_state in ('PENDING', 'FAILED')""")
                .setParameter(1, preference.learnerId).setParameter(2, clock.instant()).executeUpdate();
    }

    /** One-click unsubscribe: email off, everything else kept. */
    public void unsubscribe(String learnerId) {
        PreferenceEntity preference = entityManager.find(PreferenceEntity.class, learnerId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (preference == null) {
            save(learnerId, null, false, config.defaultOffsets(), DEFAULT_LANGUAGE);
            return;
        }
        preference.emailEnabled = false;
        preference.updatedAt = clock.instant();
    }
}
