package org.recert.notifications.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;
import org.recert.notifications.NotificationsConfig;
import org.recert.notifications.domain.Languages;
import org.recert.notifications.domain.ReminderRules;
import org.recert.notifications.messages.ReminderTexts;
import org.recert.notifications.store.NotificationEntity;
import org.recert.notifications.store.PreferenceEntity;

/**
 * Mails pending reminders: the notification rows are its outbox. Any number of replicas may run it (rows are claimed
 * {@code FOR UPDATE SKIP LOCKED}); a failed send waits with a doubling backoff and is never dropped: after the last
 * attempt it stays, marked FAILED, for the admins' view. A failure also marks the learner's address (their preferences
 * show it): their other reminders wait for that one retry instead of each trying the refused address, and saving the
 * preferences again (a corrected address, say) retries all of them at once, the given-up ones included.
 */
@ApplicationScoped
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class);
    private static final int MAX_NOTE = 500;

    private final EntityManager entityManager;
    private final Mailer mailer;
    private final Template html;
    private final Template text;
    private final UnsubscribeTokens tokens;
    private final NotificationsConfig config;
    private final Clock clock;
    private final ReminderTexts texts;
    private final Standings standings;

    public MailDelivery(EntityManager entityManager, Mailer mailer, @Location("mail/reminder.html") Template html,
            @Location("mail/reminder.txt") Template text, UnsubscribeTokens tokens, NotificationsConfig config, Clock clock,
            ReminderTexts texts, Standings standings) {
        this.texts = texts;
        this.standings = standings;
        this.entityManager = entityManager;
        this.mailer = mailer;
        this.html = html;
        this.text = text;
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "reminder-mail", every = "${recert.notifications.delivery.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        while (deliverBatch() == config.delivery().batchSize()) {
            LOG.debug("reminder mail: a full batch, looking for more");
        }
    }

    /** Handles one batch of due reminders; the number claimed. */
    public int deliverBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = entityManager.createNativeQuery("""
                    select id from notification n where email_state = 'PENDING' and next_attempt_at <= ?1
                      and not exists (select 1 from preference p where p.learner_id = n.learner_id and p.email_retry_at > ?1)
                    order by next_attempt_at, id limit ?2 for update skip locked""")
                    .setParameter(1, clock.instant())
                    .setParameter(2, config.delivery().batchSize())
                    .getResultList();
            for (Number id : ids) {
                deliver(entityManager.find(NotificationEntity.class, id.longValue()));
            }
            return ids.size();
        });
    }

    private void deliver(NotificationEntity notification) {
        PreferenceEntity preference = entityManager.find(PreferenceEntity.class, notification.learnerId);
        if (preference == null || preference.email == null) {
            skip(notification, "no email address: the learner has not set their preferences");
            return;
        }
        if (preference.emailRetryAt != null && preference.emailRetryAt.isAfter(clock.instant())) {
            return; // the address failed moments ago, maybe in this very batch: this one waits for its retry
        }
        if (!preference.emailEnabled) {
            skip(notification, "email is turned off (preferences or unsubscribe)");
            return;
        }
        if (ReminderRules.isScheduled(notification.kind) && !stillCurrent(notification)) {
            skip(notification, "no longer due: the cycle was renewed or its requirements are met");
            return;
        }
        String unsubscribeUrl = config.publicBaseUrl() + "/api/v1/notifications/unsubscribe?token=" + tokens.sign(notification.learnerId);
        String planUrl = config.publicBaseUrl() + "/api/v1/compliance/learners/" + notification.learnerId + "/plan?credential="
                + notification.credential;
        String language = Languages.of(preference.language, preference.tokenLocale);
        // a mail held back (no address yet, a refused one) says what is missing when it goes, not when it was decided
        ReminderTexts.Wording wording = texts.word(notification,
                standings.missingNow(notification.learnerId, notification.credential, notification.cycleStart), language);
        try {
            Mail mail = Mail.withHtml(preference.email, wording.subject(), render(html, language, wording, planUrl, unsubscribeUrl))
                    .setText(render(text, language, wording, planUrl, unsubscribeUrl))
                    .addHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">")
                    .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            mailer.send(mail);
            preference.emailRefusedAt = null;
            preference.emailRefusal = null;
            preference.emailRetryAt = null;
            notification.emailState = "SENT";
            notification.subject = wording.subject();
            notification.body = wording.body();
            notification.language = language;
            notification.emailTo = preference.email;
            notification.sentAt = clock.instant();
            notification.emailNote = null;
        } catch (RuntimeException e) {
            failed(notification, preference, e);
        }
    }

    /** The mail in the learner's language: the wording, and the template's own words from the same message bundle. */
    private static String render(Template template, String language, ReminderTexts.Wording wording, String planUrl,
            String unsubscribeUrl) {
        return template.data("language", language).data("subject", wording.subject()).data("body", wording.body())
                .data("missing", wording.missing()).data("planUrl", planUrl).data("unsubscribeUrl", unsubscribeUrl)
                .setLocale(Locale.forLanguageTag(language)).render();
    }

    private boolean stillCurrent(NotificationEntity notification) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select cycle_start, requirements_met from learner_status where learner_id = ?1 and credential = ?2""")
                .setParameter(1, notification.learnerId)
                .setParameter(2, notification.credential)
                .getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object cycle = rows.get(0)[0];
        String cycleStart = cycle == null ? null : cycle.toString();
        return notification.cycleStart.toString().equals(cycleStart) && !((Boolean) rows.get(0)[1]);
    }

    private void skip(NotificationEntity notification, String why) {
        notification.emailState = "SKIPPED";
        notification.emailNote = why;
    }

    private void failed(NotificationEntity notification, PreferenceEntity preference, RuntimeException error) {
        notification.attempts++;
        notification.emailTo = preference.email;
        String cause = error.getCause() != null ? error.getCause().toString() : error.toString();
        notification.emailNote = cause.length() > MAX_NOTE ? cause.substring(0, MAX_NOTE) : cause;
        // the address is marked for the learner to see, and their other reminders wait for this one's retry
        if (preference.emailRefusedAt == null) {
            preference.emailRefusedAt = clock.instant();
        }
        preference.emailRefusal = notification.emailNote;
        if (notification.attempts >= config.delivery().maxAttempts()) {
            notification.emailState = "FAILED";
            preference.emailRetryAt = clock.instant().plus(config.delivery().maxBackoff());
            LOG.warnf("reminder %d: giving up after %d attempts: %s", notification.id, notification.attempts, cause);
            return;
        }
        notification.nextAttemptAt = clock.instant().plus(backoff(notification.attempts));
        preference.emailRetryAt = notification.nextAttemptAt;
        LOG.infof("reminder %d: send failed (attempt %d), next at %s: %s", notification.id, notification.attempts,
                notification.nextAttemptAt, cause);
    }

    private Duration backoff(int attempts) {
        Duration initial = config.delivery().initialBackoff();
        Duration wait = initial.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(config.delivery().maxBackoff()) > 0 ? config.delivery().maxBackoff() : wait;
    }
}
