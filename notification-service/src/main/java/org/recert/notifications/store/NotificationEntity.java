package org.recert.notifications.store;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One reminder decided for a learner: the in-app feed item and, through its email state, the mail's outbox row. */
@Entity
@Table(name = "notification")
public class NotificationEntity {

    @Id
    public Long id;

    @Column(name = "learner_id", nullable = false)
    public String learnerId;

    @Column(nullable = false)
    public String credential;

    @Column(name = "cycle_start", nullable = false)
    public LocalDate cycleStart;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String status;

    @Column(name = "act_by")
    public LocalDate actBy;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    /** The unmet requirements in words, one per line. */
    @Column(nullable = false)
    public String missing;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    @Column(name = "email_state", nullable = false)
    public String emailState;

    @Column(name = "email_to")
    public String emailTo;

    @Column(name = "email_note")
    public String emailNote;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
