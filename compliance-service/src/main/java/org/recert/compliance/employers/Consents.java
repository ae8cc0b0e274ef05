package org.recert.compliance.employers;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.recert.compliance.employers.store.Consent;
import org.recert.compliance.employers.store.DeliveryQueue;
import org.recert.compliance.employers.store.Organization;
import org.recert.compliance.employers.store.RosterMember;
import org.recert.platform.problem.ProblemException;

/** A learner's consents: which organizations may see their compliance status. */
@ApplicationScoped
@Transactional
public class Consents {

    /** A consent as the learner sees it; PENDING: the organization lists the learner but has no consent. */
    public record LearnerConsent(UUID organizationId, String organizationName, String consent, OffsetDateTime grantedAt) {
    }

    private final Organizations organizations;
    private final DeliveryQueue deliveries;
    private final EntityManager entityManager;
    private final StatusFeed feed;

    public Consents(Organizations organizations, DeliveryQueue deliveries, EntityManager entityManager, StatusFeed feed) {
        this.organizations = organizations;
        this.deliveries = deliveries;
        this.entityManager = entityManager;
        this.feed = feed;
    }

    /** Grants consent; granting it again changes nothing. True when it was not granted before. */
    public boolean grant(String learnerId, UUID organizationId) {
        Organization organization = organizations.require(organizationId);
        RosterMember.Key key = new RosterMember.Key(organization.id, learnerId);
        if (Consent.findById(key) != null) {
            return false;
        }
        Consent consent = new Consent();
        consent.key = key;
        consent.grantedAt = OffsetDateTime.now(ZoneOffset.UTC);
        consent.persist();
        log(learnerId, organizationId, "GRANTED");
        entityManager.flush();
        feed.consentGranted(organizationId, learnerId);
        return true;
    }

    /**
     * Withdraws consent: the roster hides the learner from this commit on, pending deliveries are cancelled, and
     * subscribers to compliance.consent.withdrawn are told (without any status).
     */
    public void withdraw(String learnerId, UUID organizationId) {
        if (!Consent.deleteById(new RosterMember.Key(organizationId, learnerId))) {
            throw ProblemException.notFound("consent for organization " + organizationId);
        }
        deliveries.cancelPending(organizationId, learnerId);
        log(learnerId, organizationId, "WITHDRAWN");
        feed.consentWithdrawn(organizationId, learnerId);
    }

    /** The organizations holding the learner's consent, then those that list the learner without it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<LearnerConsent> of(String learnerId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select o.id, o.name, c.granted_at
                from employer_organization o
                left join learner_consent c on c.organization_id = o.id and c.learner_id = ?1
                left join roster_member m on m.organization_id = o.id and m.learner_id = ?1
                where c.learner_id is not null or m.learner_id is not null
                order by c.granted_at is null, o.name, o.id""")
                .setParameter(1, learnerId).getResultList();
        List<LearnerConsent> consents = new ArrayList<>();
        for (Object[] row : rows) {
            OffsetDateTime grantedAt = row[2] == null ? null
                    : row[2] instanceof OffsetDateTime t ? t : ((java.time.Instant) row[2]).atOffset(ZoneOffset.UTC);
            consents.add(new LearnerConsent((UUID) row[0], (String) row[1], grantedAt == null ? "PENDING" : "GRANTED", grantedAt));
        }
        return consents;
    }

    private void log(String learnerId, UUID organizationId, String action) {
        entityManager.createNativeQuery("insert into learner_consent_log (learner_id, organization_id, action) values (?1, ?2, ?3)")
                .setParameter(1, learnerId).setParameter(2, organizationId).setParameter(3, action).executeUpdate();
    }
}
