package org.recert.credits.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A credit's identity and where it stands: its current version and the columns that are unique or filtered. */
@Entity
@Table(name = "credit")
public class CreditRecord {

    @Id
    public UUID id;

    @Column(name = "learner_id", nullable = false)
    public String learnerId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String status;

    @Column(name = "course_id")
    public UUID courseId;

    @Column(name = "completed_on", nullable = false)
    public LocalDate completedOn;

    @Column(nullable = false)
    public String source;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
