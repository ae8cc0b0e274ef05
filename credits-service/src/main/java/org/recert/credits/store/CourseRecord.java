package org.recert.credits.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A catalog course in the local read model (from catalog.course.v1). */
@Entity
@Table(name = "course")
public class CourseRecord {

    @Id
    public UUID id;

    @Column(name = "provider_id", nullable = false)
    public UUID providerId;

    @Column(name = "provider_name")
    public String providerName;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String format;

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

    @Column(name = "contact_minutes")
    public Integer contactMinutes;

    @Column(name = "approval_body")
    public String approvalBody;

    @Column(name = "approval_number")
    public String approvalNumber;

    @Column(name = "approval_valid_from")
    public LocalDate approvalValidFrom;

    @Column(name = "approval_valid_to")
    public LocalDate approvalValidTo;

    @Column(nullable = false)
    public String status;

    @Column(name = "retired_on")
    public LocalDate retiredOn;

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
