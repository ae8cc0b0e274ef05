package org.recert.notifications.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.recert.notifications.NotificationsConfig;
import org.recert.notifications.domain.Languages;
import org.recert.notifications.domain.Reminder;
import org.recert.notifications.domain.ReminderRules;
import org.recert.notifications.domain.StatusSnapshot;
import org.recert.notifications.messages.ReminderTexts;
import org.recert.notifications.store.MissingColumn;
import org.recert.notifications.store.PreferenceEntity;

/**
 * The projection of compliance statuses and the reminders decided from it. A reminder is a row whose unique key
 * (learner, credential, cycle, kind) makes it happen at most once, whoever decides it and however often.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Reminders {

    private final EntityManager entityManager;
    private final Clock clock;
    private final NotificationsConfig config;
    private final ReminderTexts texts;

    public Reminders(EntityManager entityManager, Clock clock, NotificationsConfig config, ReminderTexts texts) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.config = config;
        this.texts = texts;
    }

    /** Projects a status the event stream reported, and records the reminders it calls for now. */
    public void statusChanged(String oldStatus, StatusSnapshot status) {
        LocalDate today = LocalDate.now(clock);
        LocalDate freshSince = today.minusDays(config.staleAfter().toDays());
        boolean decidedToday = project(status, freshSince, today);
        if (status.cycleStart() == null) {
            return;
        }
        // a change found long ago is history being replayed (a rebuild): project it, tell nobody
        boolean fresh = !status.asOf().isBefore(freshSince);
        if (fresh) {
            ReminderRules.statusChangeKind(oldStatus, status.status()).ifPresent(kind -> record(status, kind, today));
            // the same inputs decided today give the same scheduled reminder, already recorded; a later day is the sweep's
            if (!decidedToday) {
                scheduledReminder(status, today);
            }
        }
    }

    /** Records the scheduled reminder that {@code today} makes due for this status, if any; true when it is new. */
    public boolean scheduledReminder(StatusSnapshot status, LocalDate today) {
        List<Integer> offsets = offsetsOf(status.learnerId());
        return ReminderRules.scheduledKind(status.status(), status.requirementsMet(), status.actBy(), today, offsets)
                .map(kind -> record(status, kind, today))
                .orElse(false);
    }

    /** The days before the act-by date at which the learner is reminded: their own, else the default ones. */
    public List<Integer> offsetsOf(String learnerId) {
        PreferenceEntity preference = entityManager.find(PreferenceEntity.class, learnerId);
        if (preference == null) {
            return config.defaultOffsets();
        }
        return Arrays.stream(preference.offsets.split(",")).map(Integer::valueOf).toList();
    }

    private boolean record(StatusSnapshot status, String kind, LocalDate today) {
        Reminder reminder = Reminder.of(kind, status, today);
        // kept in English for the admins' record; the learner reads it worded in their language when shown or mailed
        ReminderTexts.Wording english = texts.word(reminder, Languages.ENGLISH, today);
        Instant now = clock.instant();
        int inserted = sql("""
                insert into notification (learner_id, credential, cycle_start, kind, status, act_by, subject, body, missing, created_at,
                                          email_state, next_attempt_at, missing_codes, credential_name, due_date, grace_end, decided_on)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'PENDING', ?10, ?11, ?12, ?13, ?14, ?15)
                on conflict on constraint notification_once do nothing""")
                .setParameter(1, status.learnerId())
                .setParameter(2, status.credential())
                .setParameter(3, status.cycleStart(), LocalDate.class)
                .setParameter(4, kind)
                .setParameter(5, status.status())
                .setParameter(6, status.actBy(), LocalDate.class)
                .setParameter(7, english.subject())
                .setParameter(8, english.body())
                .setParameter(9, String.join("\n", english.missing()))
                .setParameter(10, now)
                .setParameter(11, MissingColumn.write(reminder.missing()))
                .setParameter(12, status.credentialName(), String.class)
                .setParameter(13, status.dueDate(), LocalDate.class)
                .setParameter(14, status.graceEnd(), LocalDate.class)
                .setParameter(15, today)
                .executeUpdate();
        return inserted == 1;
    }

    /** Native SQL with typed parameters: a null date must reach PostgreSQL as a date. */
    private NativeQuery<?> sql(String sql) {
        return entityManager.unwrap(Session.class).createNativeQuery(sql);
    }

    /**
     * Upserts the projection; true when the row it replaced held the same reminder inputs, was fresh and was written today,
     * so today's scheduled decision for them was already taken. The prior row is read in the same statement's snapshot.
     */
    private boolean project(StatusSnapshot status, LocalDate freshSince, LocalDate today) {
        Object decidedToday = sql("""
                with prior as (select status, cycle_start, due_date, grace_end, apply_by, requirements_met, missing_codes,
                                      credential_name, as_of, updated_at
                               from learner_status where learner_id = ?1 and credential = ?2)
                insert into learner_status (learner_id, credential, status, cycle_start, due_date, grace_end, apply_by, requirements_met,
                                            missing, as_of, updated_at, credential_name, missing_codes)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                on conflict (learner_id, credential) do update set status = excluded.status, cycle_start = excluded.cycle_start,
                    credential_name = excluded.credential_name,
                    due_date = excluded.due_date, grace_end = excluded.grace_end, apply_by = excluded.apply_by,
                    requirements_met = excluded.requirements_met, missing = excluded.missing, as_of = excluded.as_of,
                    missing_codes = excluded.missing_codes,
                    updated_at = excluded.updated_at
                returning exists (select 1 from prior p
                    where p.status = learner_status.status and p.cycle_start = learner_status.cycle_start
                      and p.due_date is not distinct from learner_status.due_date
                      and p.grace_end is not distinct from learner_status.grace_end
                      and p.apply_by is not distinct from learner_status.apply_by
                      and p.requirements_met = learner_status.requirements_met
                      and p.missing_codes is not distinct from learner_status.missing_codes
                      and p.credential_name is not distinct from learner_status.credential_name
                      and p.as_of >= ?14 and p.updated_at >= ?15)""")
                .setParameter(1, status.learnerId())
                .setParameter(2, status.credential())
                .setParameter(3, status.status())
                .setParameter(4, status.cycleStart(), LocalDate.class)
                .setParameter(5, status.dueDate(), LocalDate.class)
                .setParameter(6, status.graceEnd(), LocalDate.class)
                .setParameter(7, status.applyBy(), LocalDate.class)
                .setParameter(8, status.requirementsMet())
                .setParameter(9, "")
                .setParameter(10, status.asOf())
                .setParameter(11, clock.instant())
                .setParameter(12, status.credentialName(), String.class)
                .setParameter(13, MissingColumn.write(status.missing()))
                .setParameter(14, freshSince, LocalDate.class)
                .setParameter(15, today.atStartOfDay(clock.getZone()).toInstant())
                .getSingleResult();
        return Boolean.TRUE.equals(decidedToday);
    }
}
