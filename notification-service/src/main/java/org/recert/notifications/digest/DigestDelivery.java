package org.recert.notifications.digest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

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
import org.recert.notifications.domain.RetryBackoff;
import org.recert.notifications.store.OneByOne;

/**
 * Mails the decided employer digests: the {@code digest_mail} rows are its outbox, claimed {@code FOR UPDATE SKIP LOCKED}
 * by any number of replicas. The members are read when the mail goes, so a member who withdrew consent or left the roster
 * since the decision is not in it; a digest with nobody left to report, or turned off meanwhile, is SKIPPED. The row is
 * marked SENT in the transaction that sent it (at least once: a crash between the send and the commit sends it again).
 * A failed send waits with the reminders' backoff and is never dropped: after the last attempt it stays, FAILED.
 */
@ApplicationScoped
public class DigestDelivery {

    private static final Logger LOG = Logger.getLogger(DigestDelivery.class);
    private static final int MAX_NOTE = 500;

    private final EntityManager entityManager;
    private final Mailer mailer;
    private final Template html;
    private final Template text;
    private final EmployerDigests digests;
    private final FlaggedMembers members;
    private final DigestTexts texts;
    private final NotificationsConfig config;
    private final Clock clock;

    public DigestDelivery(EntityManager entityManager, Mailer mailer, @Location("mail/digest.html") Template html,
            @Location("mail/digest.txt") Template text, EmployerDigests digests, FlaggedMembers members, DigestTexts texts,
            NotificationsConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.mailer = mailer;
        this.html = html;
        this.text = text;
        this.digests = digests;
        this.members = members;
        this.texts = texts;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "employer-digest-mail", every = "${recert.notifications.delivery.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        while (deliverBatch() == config.delivery().batchSize()) {
            LOG.debug("employer digest mail: a full batch, looking for more");
        }
    }

    /**
     * Handles up to one batch of due digests, each in its own transaction (as the reminders do): a slow SMTP server then
     * holds one row lock at a time, and each send stays within the transaction's timeout, so a failure is always recorded.
     */
    public int deliverBatch() {
        return OneByOne.drain(config.delivery().batchSize(), this::deliverNext);
    }

    /** Claims one due digest and mails it; false when none is due. */
    boolean deliverNext() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                    select id, organization_id, iso_week, attempts from digest_mail
                    where state = 'PENDING' and next_attempt_at <= ?1
                    order by next_attempt_at, id limit 1 for update skip locked""")
                    .setParameter(1, clock.instant())
                    .getResultList();
            if (rows.isEmpty()) {
                return false;
            }
            Object[] row = rows.get(0);
            deliver(((Number) row[0]).longValue(), (UUID) row[1], (String) row[2], ((Number) row[3]).intValue());
            return true;
        });
    }

    private void deliver(long id, UUID organizationId, String week, int attempts) {
        EmployerDigests.Choice choice = digests.of(organizationId);
        if (!choice.enabled() || choice.recipients().isEmpty()) {
            skipped(id, "the organization turned the digest off");
            return;
        }
        List<FlaggedMembers.Line> lines = members.of(organizationId);
        if (lines.isEmpty()) {
            skipped(id, "no consenting member is at risk or worse any more");
            return;
        }
        LocalDate today = LocalDate.now(clock);
        DigestTexts.Letter letter = texts.write(members.organizationName(organizationId).orElse(null), IsoWeek.of(today), today, lines,
                choice.language());
        String rosterUrl = config.publicBaseUrl() + "/roster";
        try {
            mailer.send(new Mail().setTo(choice.recipients()).setSubject(letter.subject())
                    .setHtml(render(html, choice.language(), letter, rosterUrl)).setText(render(text, choice.language(), letter, rosterUrl)));
            sent(id, lines.size(), String.join(", ", choice.recipients()));
        } catch (RuntimeException e) {
            failed(id, organizationId, week, attempts + 1, e);
        }
    }

    private static String render(Template template, String language, DigestTexts.Letter letter, String rosterUrl) {
        return template.data("language", language).data("letter", letter).data("rosterUrl", rosterUrl)
                .setLocale(Locale.forLanguageTag(language)).render();
    }

    private void sent(long id, int reported, String to) {
        entityManager.createNativeQuery("""
                update digest_mail set state = 'SENT', members = ?2, email_to = ?3, note = null, sent_at = ?4 where id = ?1""")
                .setParameter(1, id).setParameter(2, reported).setParameter(3, to).setParameter(4, clock.instant()).executeUpdate();
    }

    private void skipped(long id, String why) {
        entityManager.createNativeQuery("update digest_mail set state = 'SKIPPED', note = ?2 where id = ?1")
                .setParameter(1, id).setParameter(2, why).executeUpdate();
    }

    private void failed(long id, UUID organizationId, String week, int attempts, RuntimeException error) {
        String cause = error.getCause() != null ? error.getCause().toString() : error.toString();
        String note = cause.length() > MAX_NOTE ? cause.substring(0, MAX_NOTE) : cause;
        boolean givingUp = attempts >= config.delivery().maxAttempts();
        RetryBackoff backoff = new RetryBackoff(config.delivery().initialBackoff(), config.delivery().maxBackoff());
        entityManager.createNativeQuery("""
                update digest_mail set attempts = ?2, note = ?3, state = ?4, next_attempt_at = ?5 where id = ?1""")
                .setParameter(1, id).setParameter(2, attempts).setParameter(3, note).setParameter(4, givingUp ? "FAILED" : "PENDING")
                .setParameter(5, clock.instant().plus(backoff.after(attempts))).executeUpdate();
        LOG.infof("digest of organization %s, week %s: send failed (attempt %d%s): %s", organizationId, week, attempts,
                givingUp ? ", giving up" : "", cause);
    }
}
