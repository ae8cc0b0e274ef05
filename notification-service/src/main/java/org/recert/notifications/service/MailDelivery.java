package org.recert.notifications.service;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.mail.SMTPException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.recert.notifications.NotificationsConfig;
import org.recert.notifications.domain.Languages;
import org.recert.notifications.domain.ReminderRules;
import org.recert.notifications.domain.RetryBackoff;
import org.recert.notifications.messages.ReminderTexts;
import org.recert.notifications.store.NotificationEntity;
import org.recert.notifications.store.OneByOne;
import org.recert.notifications.store.PreferenceEntity;

/**
 * Mails pending reminders: the notification rows are its outbox. Any number of replicas may run it (rows are claimed
 * {@code FOR UPDATE SKIP LOCKED}, one per transaction); a failed send waits with a doubling backoff and is never dropped:
 * after the last attempt it stays, marked FAILED, for the admins' view. The learner's other reminders wait for that one
 * retry instead of each trying again. An address the receiving server refuses for good (5xx to RCPT) is marked, shown in
 * the learner's preferences, and gets no more mail until the learner saves an address again, which retries everything
 * that waited, the given-up reminders included. What a mail says (days left, what is missing) is worded when it goes.
 */
@ApplicationScoped
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class);
    private static final int MAX_NOTE = 500;
    /** How the Vert.x mail client begins the error of a refused RCPT TO (its reply code and text follow). */
    private static final String RECIPIENT_NOT_ACCEPTED = "recipient address not accepted";

    private final EntityManager entityManager;
    private final Mailer mailer;
    private final Template html;
    private final Template text;
    private final UnsubscribeTokens tokens;
    private final NotificationsConfig config;
    private final Clock clock;
    private final ReminderTexts texts;
    private final Standings standings;
    private final String senderDomain;
    private final Reminders reminders;

    public MailDelivery(EntityManager entityManager, Mailer mailer, @Location("mail/reminder.html") Template html,
            @Location("mail/reminder.txt") Template text, UnsubscribeTokens tokens, NotificationsConfig config, Clock clock,
            ReminderTexts texts, Standings standings, Reminders reminders, @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.reminders = reminders;
        this.senderDomain = domainOf(from);
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
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        while (deliverBatch() == config.delivery().batchSize()) {
            LOG.debug("reminder mail: a full batch, looking for more");
        }
    }

    /**
     * Handles up to one batch of due reminders, each in its own transaction; the number handled. One transaction per
     * mail keeps a slow SMTP server from holding a batch of row locks, and keeps every send within the transaction's
     * timeout ({@code quarkus.mailer.timeout} is well below it), so a failure is always recorded, never rolled back into
     * an immediate retry.
     */
    public int deliverBatch() {
        return OneByOne.drain(config.delivery().batchSize(), this::deliverNext);
    }

    /**
     * Claims one due reminder and mails it; false when none is due. The send happens before the commit that marks it
     * SENT: a crash between the SMTP server's acceptance and that commit leaves the row PENDING, and it is sent again
     * (at least once, never lost), with the same Message-ID so the receiving side can tell it is the same mail.
     */
    boolean deliverNext() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = entityManager.createNativeQuery("""
                    select id from notification n where email_state = 'PENDING' and next_attempt_at <= ?1
                      and not exists (select 1 from preference p where p.learner_id = n.learner_id
                                        and (p.email_retry_at > ?1 or p.email_refusal_permanent))
                    order by next_attempt_at, id limit 1 for update skip locked""")
                    .setParameter(1, clock.instant())
                    .getResultList();
            if (ids.isEmpty()) {
                return false;
            }
            deliver(entityManager.find(NotificationEntity.class, ids.get(0).longValue()));
            return true;
        });
    }

    private void deliver(NotificationEntity notification) {
        PreferenceEntity preference = entityManager.find(PreferenceEntity.class, notification.learnerId);
        if (preference == null || preference.email == null) {
            skip(notification, "no email address: the learner has not set their preferences");
            return;
        }
        if (preference.emailRefusalPermanent) {
            return; // refused for good: waits, PENDING, for the learner to give an address again
        }
        if (!preference.emailEnabled) {
            skip(notification, "email is turned off (preferences or unsubscribe)");
            return;
        }
        if (ReminderRules.isScheduled(notification.kind)) {
            Optional<String> superseded = supersededBecause(notification);
            if (superseded.isPresent()) {
                skip(notification, superseded.get());
                return;
            }
        }
        String unsubscribeUrl = config.publicBaseUrl() + "/api/v1/notifications/unsubscribe?token=" + tokens.sign(notification.learnerId);
        String planUrl = config.publicBaseUrl() + "/api/v1/compliance/learners/" + notification.learnerId + "/plan?credential="
                + notification.credential;
        String language = Languages.of(preference.language, preference.tokenLocale);
        // a mail held back (no address yet, a refused one) says what is missing when it goes, not when it was decided
        // and how many days are left on the day it goes
        ReminderTexts.Wording wording = texts.word(notification,
                standings.missingNow(notification.learnerId, notification.credential, notification.cycleStart), language,
                LocalDate.now(clock));
        try {
            Mail mail = Mail.withHtml(preference.email, wording.subject(), render(html, language, wording, planUrl, unsubscribeUrl))
                    .setText(render(text, language, wording, planUrl, unsubscribeUrl))
                    .addHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">")
                    .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                    .addHeader("Message-ID", messageId(notification));
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

    /**
     * Why a scheduled reminder is no longer worth mailing, if it is not: its cycle was renewed or its requirements met;
     * its act-by date passed while it waited (a retry, a refused address), when "N days left" would be false and the
     * status mails (GRACE, LAPSED) say what now; the status left the schedule; or today calls for a later reminder
     * (the 14-day one still waiting on the day of the 7-day one), which the sweep decides and mails with the right
     * count, so the learner hears once.
     */
    private Optional<String> supersededBecause(NotificationEntity notification) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select cycle_start, requirements_met, status from learner_status where learner_id = ?1 and credential = ?2""")
                .setParameter(1, notification.learnerId)
                .setParameter(2, notification.credential)
                .getResultList();
        if (rows.isEmpty() || rows.get(0)[0] == null || !notification.cycleStart.toString().equals(rows.get(0)[0].toString())
                || (Boolean) rows.get(0)[1]) {
            return Optional.of("no longer due: the cycle was renewed or its requirements are met");
        }
        LocalDate today = LocalDate.now(clock);
        if (notification.actBy == null || notification.actBy.isBefore(today)) {
            return Optional.of("no longer due: its act-by date " + notification.actBy + " passed before it could be sent");
        }
        String status = (String) rows.get(0)[2];
        List<Integer> offsets = reminders.offsetsOf(notification.learnerId);
        Optional<String> dueToday = ReminderRules.scheduledKind(status, false, notification.actBy, today, offsets);
        if (dueToday.isEmpty()) {
            return Optional.of("no longer due on " + today + " (status " + status + ", offsets " + offsets + ")");
        }
        if (ReminderRules.offsetOf(dueToday.get()) < ReminderRules.offsetOf(notification.kind)) {
            return Optional.of("superseded by " + dueToday.get() + ", the reminder due today");
        }
        return Optional.empty();
    }

    /**
     * The mail's Message-ID, the same on every attempt: a mail resent after a crash between the SMTP server's acceptance
     * and our commit is recognisably the same one. The row's id and creation instant make it unique even across a
     * rebuilt database; the domain is the sender's.
     */
    private String messageId(NotificationEntity notification) {
        return "<reminder." + notification.id + "." + notification.createdAt.toEpochMilli() + "@" + senderDomain + ">";
    }

    private void skip(NotificationEntity notification, String why) {
        notification.emailState = "SKIPPED";
        notification.emailNote = why;
    }

    /**
     * A failed send. The receiving server refusing the address for good (a 5xx reply to RCPT) marks it so: nothing more
     * is sent to it, the reminders wait PENDING (never lost, never hammered) until the learner saves an address again. A
     * 4xx reply to RCPT marks the address too (the learner sees it) but is retried with backoff. Anything else (server
     * down, a timeout, a refusal of the sender or the content) is not the address's fault: retried with backoff, the
     * learner's other reminders waiting for that one retry, the address not marked.
     */
    private void failed(NotificationEntity notification, PreferenceEntity preference, RuntimeException error) {
        notification.attempts++;
        notification.emailTo = preference.email;
        Optional<SMTPException> refusal = recipientRefusal(error);
        String cause = refusal.<String>map(SMTPException::getMessage)
                .orElseGet(() -> error.getCause() != null ? error.getCause().toString() : error.toString());
        notification.emailNote = cause.length() > MAX_NOTE ? cause.substring(0, MAX_NOTE) : cause;
        if (refusal.isPresent()) {
            if (preference.emailRefusedAt == null) {
                preference.emailRefusedAt = clock.instant();
            }
            preference.emailRefusal = notification.emailNote;
            if (refusal.get().isPermanent()) {
                preference.emailRefusalPermanent = true;
                preference.emailRetryAt = null;
                LOG.infof("reminder %d: address refused for good, held until the learner gives another: %s", notification.id, cause);
                return;
            }
        }
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

    /** The receiving server's refusal of the recipient (its reply to RCPT TO), if that is what failed the send. */
    private static Optional<SMTPException> recipientRefusal(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp && smtp.getMessage() != null
                    && smtp.getMessage().startsWith(RECIPIENT_NOT_ACCEPTED)) {
                return Optional.of(smtp);
            }
        }
        return Optional.empty();
    }

    /** The domain of the sender's address ("Recert <reminders@recert.example>": recert.example). */
    private static String domainOf(String from) {
        String address = from.replaceAll(".*<([^>]*)>.*", "$1").trim();
        int at = address.lastIndexOf('@');
        return at < 0 ? "recert.invalid" : address.substring(at + 1);
    }

    private Duration backoff(int attempts) {
        return new RetryBackoff(config.delivery().initialBackoff(), config.delivery().maxBackoff()).after(attempts);
    }
}
