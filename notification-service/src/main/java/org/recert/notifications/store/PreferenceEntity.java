package org.recert.notifications.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A learner's choices, and the address their token carried when they made them (read by nobody else). */
@Entity
@Table(name = "preference")
public class PreferenceEntity {

    @Id
    @Column(name = "learner_id")
    public String learnerId;

    public String email;

    @Column(name = "email_enabled", nullable = false)
    public boolean emailEnabled;

    /** Days before the act-by date, comma separated, descending. */
    @Column(nullable = false)
    public String offsets;

    /** The language they chose; null: the one of their sign-in ({@link #tokenLocale}), else English. */
    public String language;

    /** The {@code locale} claim of their token when they last saved. */
    @Column(name = "token_locale")
    public String tokenLocale;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When a send to {@link #email} failed, while none has succeeded since; null when all is well. */
    @Column(name = "email_refused_at")
    public Instant emailRefusedAt;

    /** What the mail server answered then. */
    @Column(name = "email_refusal")
    public String emailRefusal;

    /** The receiving server refused the address for good (5xx to RCPT): no mail to it until the learner saves again. */
    @Column(name = "email_refusal_permanent", nullable = false)
    public boolean emailRefusalPermanent;

    /** No mail to this learner is tried before then: one retry per backoff for the address, not one per reminder. */
    @Column(name = "email_retry_at")
    public Instant emailRetryAt;
}
