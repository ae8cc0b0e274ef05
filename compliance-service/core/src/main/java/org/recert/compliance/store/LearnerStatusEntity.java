package org.recert.compliance.store;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The stored status of a certified learner in one credential. Every column holds what does not depend on the day it
 * is read (days remaining is derived from {@code dueDate}); {@code nextChangeOn} is the first day on which time alone
 * may change the status, which the daily sweep looks for.
 */
@Entity
@Table(name = "learner_status")
@IdClass(LearnerStatusEntity.Key.class)
public class LearnerStatusEntity {

    @Id
    @Column(name = "learner_id")
    public String learnerId;

    @Id
    public String credential;

    @Column(nullable = false)
    public String status;

    @Column(name = "certified_on")
    public LocalDate certifiedOn;

    @Column(name = "cycle_start")
    public LocalDate cycleStart;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "grace_end")
    public LocalDate graceEnd;

    @Column(name = "requirements_met", nullable = false)
    public boolean requirementsMet;

    /** The shortfall of the TOTAL requirement, in the credential's points. */
    @Column(name = "total_shortfall", nullable = false, precision = 12, scale = 4)
    public BigDecimal totalShortfall;

    /** The status shape of the API as of {@code evaluatedOn}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String evaluation;

    /** The evaluation's standing (StatusStanding): what the learner must still do and by when; null on older rows. */
    public String standing;

    @Column(name = "evaluated_on", nullable = false)
    public LocalDate evaluatedOn;

    @Column(name = "evaluated_at", nullable = false)
    public Instant evaluatedAt;

    @Column(name = "next_change_on")
    public LocalDate nextChangeOn;

    /** The counted points by who vouches for them, and whether the learner set the certification date (Provenance). */
    @Column(name = "provider_reported_points", precision = 12, scale = 4)
    public BigDecimal providerReportedPoints;

    @Column(name = "evidence_attached_points", precision = 12, scale = 4)
    public BigDecimal evidenceAttachedPoints;

    @Column(name = "self_reported_points", precision = 12, scale = 4)
    public BigDecimal selfReportedPoints;

    @Column(name = "certification_self_reported")
    public Boolean certificationSelfReported;

    /** When the status last changed. */
    @Column(name = "status_since", nullable = false)
    public Instant statusSince;

    /** Composite key: learner and credential. */
    public static class Key implements Serializable {
        public String learnerId;
        public String credential;

        public Key() {
        }

        public Key(String learnerId, String credential) {
            this.learnerId = learnerId;
            this.credential = credential;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(learnerId, key.learnerId) && Objects.equals(credential, key.credential);
        }

        @Override
        public int hashCode() {
            return Objects.hash(learnerId, credential);
        }
    }
}
