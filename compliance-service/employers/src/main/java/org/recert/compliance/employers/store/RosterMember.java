package org.recert.compliance.employers.store;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A learner on an organization's roster, with the employer's own staff reference. */
@Entity
@Table(name = "roster_member")
public class RosterMember {

    @EmbeddedId
    public Key key;

    @Column(name = "staff_ref")
    public String staffRef;

    @Column(name = "added_at", nullable = false)
    public OffsetDateTime addedAt;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "organization_id", nullable = false)
        public UUID organizationId;

        @Column(name = "learner_id", nullable = false)
        public String learnerId;

        public Key() {
        }

        public Key(UUID organizationId, String learnerId) {
            this.organizationId = organizationId;
            this.learnerId = learnerId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.organizationId.equals(organizationId) && key.learnerId.equals(learnerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organizationId, learnerId);
        }
    }
}
