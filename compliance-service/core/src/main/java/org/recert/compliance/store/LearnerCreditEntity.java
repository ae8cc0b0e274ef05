package org.recert.compliance.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The latest version of one credit, as credits.ledger.v1 last described it. */
@Entity
@Table(name = "learner_credit")
public class LearnerCreditEntity {

    @Id
    @Column(name = "credit_id")
    public String creditId;

    @Column(name = "learner_id", nullable = false)
    public String learnerId;

    @Column(nullable = false)
    public int version;

    /** ACTIVE or REVOKED. */
    @Column(nullable = false)
    public String status;

    @Column(name = "activity_type", nullable = false)
    public String activityType;

    public String title;

    @Column(name = "course_id")
    public String courseId;

    @Column(name = "completed_on", nullable = false)
    public LocalDate completedOn;

    @Column(nullable = false, precision = 12, scale = 4)
    public BigDecimal amount;

    @Column(nullable = false)
    public String unit;

    /** JSON array of {"category","value"} in the issued unit. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String categories;

    @Column(nullable = false)
    public String approval;

    @Column(name = "contact_minutes")
    public Integer contactMinutes;

    /** Who vouches for the credit (Verification): the provider's report, attached evidence, or the learner's word. */
    @Column(nullable = false)
    public String verification;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "provider_name")
    public String providerName;

    /** The credit's evidence object as the ledger sent it (issuer, certificateNumber, fileName, sha256); null when none. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String evidence;
}
