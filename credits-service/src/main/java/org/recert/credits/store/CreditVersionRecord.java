package org.recert.credits.store;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One version of a credit, as it was recorded; never updated (the table refuses it too). */
@Entity
@Immutable
@IdClass(CreditVersionRecord.Key.class)
@Table(name = "credit_version")
public class CreditVersionRecord {

    @Id
    @Column(name = "credit_id")
    public UUID creditId;

    @Id
    public int version;

    @Column(name = "learner_id", nullable = false)
    public String learnerId;

    @Column(name = "activity_type", nullable = false)
    public String activityType;

    @Column(nullable = false)
    public String title;

    @Column(name = "provider_name")
    public String providerName;

    @Column(name = "course_id")
    public UUID courseId;

    @Column(name = "completed_on", nullable = false)
    public LocalDate completedOn;

    @Column(name = "amount_value", nullable = false, precision = 8, scale = 2)
    public BigDecimal amountValue;

    @Column(name = "amount_unit", nullable = false)
    public String amountUnit;

    @Column(name = "administrative_value", nullable = false, precision = 8, scale = 2)
    public BigDecimal administrativeValue;

    @Column(name = "clinical_value", nullable = false, precision = 8, scale = 2)
    public BigDecimal clinicalValue;

    @Column(name = "general_value", nullable = false, precision = 8, scale = 2)
    public BigDecimal generalValue;

    @Column(nullable = false)
    public String approval;

    @Column(name = "contact_minutes")
    public Integer contactMinutes;

    @Column(name = "evidence_issuer")
    public String evidenceIssuer;

    @Column(name = "evidence_certificate_number")
    public String evidenceCertificateNumber;

    @Column(name = "evidence_file_name")
    public String evidenceFileName;

    @Column(name = "evidence_sha256")
    public String evidenceSha256;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String verification;

    @Column(nullable = false)
    public String status;

    public String reason;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    /** The composite key: credit and version. */
    public static class Key implements Serializable {
        public UUID creditId;
        public int version;

        public Key() {
        }

        public Key(UUID creditId, int version) {
            this.creditId = creditId;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.version == version && Objects.equals(key.creditId, creditId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(creditId, version);
        }
    }
}
