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

/** The highest version of one catalog course, as catalog.course.v1 last described it; what plans choose from. */
@Entity
@Table(name = "catalog_course")
public class CatalogCourseEntity {

    @Id
    @Column(name = "course_id")
    public String courseId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String title;

    @Column(name = "provider_id", nullable = false)
    public String providerId;

    @Column(name = "provider_name")
    public String providerName;

    @Column(nullable = false)
    public String format;

    /** PUBLISHED or RETIRED. */
    @Column(nullable = false)
    public String status;

    @Column(name = "fee_model", nullable = false)
    public String feeModel;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal fee;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false, precision = 12, scale = 4)
    public BigDecimal amount;

    @Column(nullable = false)
    public String unit;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String categories;

    @Column(name = "approval_body")
    public String approvalBody;

    @Column(name = "approval_number")
    public String approvalNumber;

    @Column(name = "approval_valid_to")
    public LocalDate approvalValidTo;

    @Column(name = "contact_minutes", nullable = false)
    public int contactMinutes;

    @Column(name = "retired_on")
    public LocalDate retiredOn;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
