package org.recert.notifications.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.DateStart;
import org.recert.notifications.domain.Languages;
import org.recert.notifications.messages.ReminderTexts;
import org.recert.notifications.store.PreferenceEntity;
import org.recert.notifications.store.SqlDates;

/**
 * Each learner's private iCalendar feed (RFC 5545): the due date, apply-by date and grace end of every credential, at a
 * secret address any calendar app can subscribe to without signing in. Rotating the secret retires the old address.
 */
@ApplicationScoped
@Transactional
public class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager entityManager;
    private final Clock clock;
    private final ReminderTexts texts;

    public CalendarFeeds(EntityManager entityManager, Clock clock, ReminderTexts texts) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.texts = texts;
    }

    /** The learner's current secret, made on first use (two first calls at once agree on one). */
    public String secretOf(String learnerId) {
        entityManager.createNativeQuery("""
                insert into calendar_feed (learner_id, secret, created_at) values (?1, ?2, ?3) on conflict (learner_id) do nothing""")
                .setParameter(1, learnerId).setParameter(2, newSecret()).setParameter(3, clock.instant())
                .executeUpdate();
        return (String) entityManager.createNativeQuery("select secret from calendar_feed where learner_id = ?1")
                .setParameter(1, learnerId).getSingleResult();
    }

    /** A new secret for the learner; the address with the old one answers 404 from now on. */
    public String rotate(String learnerId) {
        String secret = newSecret();
        entityManager.createNativeQuery("""
                insert into calendar_feed (learner_id, secret, created_at) values (?1, ?2, ?3)
                on conflict (learner_id) do update set secret = excluded.secret, created_at = excluded.created_at""")
                .setParameter(1, learnerId).setParameter(2, secret).setParameter(3, clock.instant())
                .executeUpdate();
        return secret;
    }

    /** The calendar of the learner whose secret this is; empty for an unknown or retired secret. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> calendar(String secret) {
        @SuppressWarnings("unchecked")
        List<String> learners = entityManager.createNativeQuery("select learner_id from calendar_feed where secret = ?1")
                .setParameter(1, secret).getResultList();
        if (learners.isEmpty()) {
            return Optional.empty();
        }
        String learnerId = learners.get(0);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select credential, due_date, apply_by, grace_end from learner_status where learner_id = ?1 order by credential""")
                .setParameter(1, learnerId).getResultList();
        PreferenceEntity preference = entityManager.find(PreferenceEntity.class, learnerId);
        String language = preference == null ? Languages.ENGLISH : Languages.of(preference.language, preference.tokenLocale);
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Recert//Recertification dates//EN");
        for (Object[] row : rows) {
            String credential = (String) row[0];
            add(calendar, learnerId, credential, "due", SqlDates.of(row[1]), language);
            add(calendar, learnerId, credential, "apply-by", SqlDates.of(row[2]), language);
            add(calendar, learnerId, credential, "grace-end", SqlDates.of(row[3]), language);
        }
        return Optional.of(Biweekly.write(calendar).go());
    }

    private void add(ICalendar calendar, String learnerId, String credential, String what, LocalDate day, String language) {
        if (day == null) {
            return;
        }
        VEvent event = new VEvent();
        // stable per learner, credential and kind of date: a calendar app updates the event when the date moves
        event.setUid(what + "." + credential + "." + learnerId + "@recert");
        event.setSummary(texts.calendarSummary(what, credential, language));
        // biweekly writes a date without time in the JVM's zone: midnight there is exactly this day
        event.setDateStart(new DateStart(java.util.Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant()), false));
        calendar.addEvent(event);
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
