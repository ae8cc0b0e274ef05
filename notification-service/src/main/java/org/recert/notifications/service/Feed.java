package org.recert.notifications.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.recert.notifications.domain.Missing;
import org.recert.notifications.messages.ReminderTexts;
import org.recert.notifications.store.NotificationEntity;
import org.recert.platform.problem.ProblemException;
import org.recert.platform.web.Cursor;
import org.recert.platform.web.Page;

/** The reminders of one learner, newest first: their in-app feed and the admins' record of what was sent and why. */
@ApplicationScoped
@Transactional
public class Feed {

    /** A reminder of the feed with its words in the reader's language. */
    public record Shown(long id, String credential, String kind, String status, LocalDate actBy, ReminderTexts.Wording wording,
            Instant createdAt, boolean read) {

        static Shown of(NotificationEntity row, ReminderTexts.Wording wording) {
            return new Shown(row.id, row.credential, row.kind, row.status, row.actBy, wording, row.createdAt, row.readAt != null);
        }
    }

    private final EntityManager entityManager;
    private final Clock clock;
    private final ReminderTexts texts;
    private final Standings standings;

    public Feed(EntityManager entityManager, Clock clock, ReminderTexts texts, Standings standings) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.texts = texts;
        this.standings = standings;
    }

    /**
     * A page of the learner's reminders, worded in {@code language}; what is missing is what is missing now in the
     * reminder's cycle (credit recorded after a reminder was decided shows in it), as decided for an older cycle.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Shown> of(String learnerId, String cursor, int limit, String language) {
        Page<NotificationEntity> page = decided(learnerId, cursor, limit);
        Map<String, Optional<List<Missing>>> now = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        return Page.of(page.items().stream().map(row -> Shown.of(row, texts.word(row,
                now.computeIfAbsent(row.credential + "|" + row.cycleStart, key -> standings.missingNow(learnerId, row.credential,
                        row.cycleStart)), language, today))).toList(), page.nextCursor());
    }

    /** A page of the learner's reminders as decided (and, once mailed, as sent): the admins' record. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SentNotification> sent(String learnerId, String cursor, int limit) {
        Page<NotificationEntity> page = decided(learnerId, cursor, limit);
        return Page.of(page.items().stream().map(SentNotification::of).toList(), page.nextCursor());
    }

    private Page<NotificationEntity> decided(String learnerId, String cursor, int limit) {
        long before = cursor == null ? Long.MAX_VALUE : Cursor.number(Cursor.decode(cursor, 1).get(0));
        TypedQuery<NotificationEntity> query = entityManager.createQuery(
                "from NotificationEntity where learnerId = :learner and id < :before order by id desc", NotificationEntity.class)
                .setParameter("learner", learnerId)
                .setParameter("before", before)
                .setMaxResults(limit + 1);
        List<NotificationEntity> rows = query.getResultList();
        if (rows.size() <= limit) {
            return Page.of(rows, null);
        }
        List<NotificationEntity> page = rows.subList(0, limit);
        return Page.of(page, Cursor.encode(String.valueOf(page.get(limit - 1).id)));
    }

    /** Marks one of the learner's own reminders read; another learner's answers 404, as if it did not exist. */
    public void markRead(String learnerId, long id) {
        NotificationEntity notification = entityManager.find(NotificationEntity.class, id);
        if (notification == null || !notification.learnerId.equals(learnerId)) {
            throw ProblemException.notFound("notification " + id);
        }
        if (notification.readAt == null) {
            notification.readAt = clock.instant();
        }
    }
}
