package org.recert.compliance.employers.store;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A learner's consent for one organization to see their compliance status; absent when withdrawn. */
@Entity
@Table(name = "learner_consent")
public class Consent {

    @EmbeddedId
    public RosterMember.Key key;

    @Column(name = "granted_at", nullable = false)
    public OffsetDateTime grantedAt;
}
