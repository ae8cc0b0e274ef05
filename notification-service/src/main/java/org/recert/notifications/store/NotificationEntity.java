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

    /** In English as decided; once mailed, the subject as sent, in {@link #language}. */
    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    /** The unmet requirements in English words, one per line, as decided. */
    @Column(nullable = false)
    public String missing;

    /** The unmet requirements as codes and numbers (JSON, {@link MissingColumn}); null in rows decided before V11. */
    @Column(name = "missing_codes")
    public String missingCodes;

    @Column(name = "credential_name")
    public String credentialName;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "grace_end")
    public LocalDate graceEnd;

    /** The day it was decided (the days left are counted from it); null in rows decided before V11. */
    @Column(name = "decided_on")
    public LocalDate decidedOn;

    /** The language the mail went out in. */
    public String language;

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
