package org.recert.compliance.store;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A certification or recertification of a learner; the row without {@code supersededAt} is the current cycle. */
@Entity
@Table(name = "certification")
public class CertificationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "learner_id", nullable = false)
    public String learnerId;

    @Column(nullable = false)
    public String credential;

    @Column(name = "certified_on", nullable = false)
    public LocalDate certifiedOn;

    @Column(name = "cycle_start", nullable = false)
    public LocalDate cycleStart;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(name = "grace_end", nullable = false)
    public LocalDate graceEnd;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    /** The learner recorded this date themselves: nobody else vouches for it. */
    @Column(name = "self_reported", nullable = false)
    public boolean selfReported;

    @Column(name = "superseded_at")
    public Instant supersededAt;
}
