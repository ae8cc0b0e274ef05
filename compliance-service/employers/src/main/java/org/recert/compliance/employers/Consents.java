package org.recert.compliance.employers;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.recert.compliance.employers.store.DeliveryQueue;
import org.recert.platform.problem.ProblemException;
import org.recert.platform.security.Roles;

/**
 * A learner's consents: which organizations may see their compliance status. A consent belongs to a membership: the
 * organization's removal of the learner ends it, and listing them again waits for a new grant. Every grant and
 * withdrawal goes into {@code learner_consent_log}, which only grows.
 */
@ApplicationScoped
@Transactional
public class Consents {

    public static final String GRANTED = "GRANTED";
    public static final String WITHDRAWN = "WITHDRAWN";

    /** Why a consent changed, as the audit records it. */
    public enum Reason {
        BY_LEARNER, BY_ADMIN, REMOVED_FROM_ROSTER
    }

    /** A consent as the learner sees it; PENDING: the organization lists the learner but has no consent. */
    public record LearnerConsent(UUID organizationId, String organizationName, String consent, OffsetDateTime grantedAt) {
    }

    /** One line of the consent audit; {@code organizationName} null once the organization is gone. */
    public record ConsentEvent(long id, OffsetDateTime at, UUID organizationId, String organizationName, String action, Reason reason,
            String actorRole, String actorId) {
    }

    private final Organizations organizations;
    private final DeliveryQueue deliveries;
    private final EntityManager entityManager;
    private final StatusFeed feed;
    private final RosterEvents rosterEvents;

    public Consents(Organizations organizations, DeliveryQueue deliveries, EntityManager entityManager, StatusFeed feed,
            RosterEvents rosterEvents) {
        this.rosterEvents = rosterEvents;
        this.organizations = organizations;
        this.deliveries = deliveries;
        this.entityManager = entityManager;
        this.feed = feed;
    }

    /**
     * Grants consent; granting it again changes nothing. True when it was not granted before. Racing grants insert
     * one row: the others find it and answer as a repeat.
     */
    public boolean grant(String learnerId, UUID organizationId) {
        EmployerOrganization organization = organizations.require(organizationId);
        int inserted = entityManager.createNativeQuery("""
                insert into learner_consent (learner_id, organization_id, granted_at) values (?1, ?2, now())
                on conflict do nothing""")
                .setParameter(1, learnerId).setParameter(2, organization.id()).executeUpdate();
        if (inserted == 0) {
            return false;
        }
        log(learnerId, organizationId, GRANTED, Reason.BY_LEARNER, new ConsentActor(Roles.LEARNER, learnerId));
        feed.consentGranted(organizationId, learnerId);
        rosterEvents.changed(organizationId, learnerId);
        return true;
    }

    /**
     * Withdraws consent at the learner's or an admin's request: the roster hides the learner from this commit on,
     * pending deliveries are cancelled, and subscribers to compliance.consent.withdrawn are told (without any status).
     */
    public void withdraw(String learnerId, UUID organizationId, ConsentActor actor) {
        if (!delete(learnerId, organizationId)) {
            throw ProblemException.notFound("consent for organization " + organizationId);
        }
        deliveries.cancelPending(organizationId, learnerId);
        log(learnerId, organizationId, WITHDRAWN, actor.isAdmin() ? Reason.BY_ADMIN : Reason.BY_LEARNER, actor);
        feed.consentWithdrawn(organizationId, learnerId);
        rosterEvents.changed(organizationId, learnerId);
    }

    /** Ends the consent of a learner the organization took off its roster (called in the removal's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endWithMembership(String learnerId, UUID organizationId, ConsentActor actor) {
        if (delete(learnerId, organizationId)) {
            log(learnerId, organizationId, WITHDRAWN, Reason.REMOVED_FROM_ROSTER, actor);
        }
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
            OffsetDateTime grantedAt = time(row[2]);
            consents.add(new LearnerConsent((UUID) row[0], (String) row[1], grantedAt == null ? "PENDING" : GRANTED, grantedAt));
        }
        return consents;
    }

    /** The learner's consent audit, newest first, before the line {@code beforeId} when given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<ConsentEvent> events(String learnerId, Long beforeId, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select l.id, l.at, l.organization_id, o.name, l.action, l.reason, l.actor_role, l.actor_id
                from learner_consent_log l
                left join employer_organization o on o.id = l.organization_id
                where l.learner_id = ?1 and l.id < ?2
                order by l.id desc
                limit ?3""")
                .setParameter(1, learnerId).setParameter(2, beforeId == null ? Long.MAX_VALUE : beforeId).setParameter(3, limit)
                .getResultList();
        List<ConsentEvent> events = new ArrayList<>();
        for (Object[] row : rows) {
            events.add(new ConsentEvent(((Number) row[0]).longValue(), time(row[1]), (UUID) row[2], (String) row[3], (String) row[4],
                    Reason.valueOf((String) row[5]), (String) row[6], (String) row[7]));
        }
        return events;
    }

    private boolean delete(String learnerId, UUID organizationId) {
        return entityManager.createNativeQuery("delete from learner_consent where organization_id = ?1 and learner_id = ?2")
                .setParameter(1, organizationId).setParameter(2, learnerId).executeUpdate() > 0;
    }

    private void log(String learnerId, UUID organizationId, String action, Reason reason, ConsentActor actor) {
        entityManager.createNativeQuery("""
                insert into learner_consent_log (learner_id, organization_id, action, reason, actor_role, actor_id)
                values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, learnerId).setParameter(2, organizationId).setParameter(3, action).setParameter(4, reason.name())
                .setParameter(5, actor.role()).setParameter(6, actor.id()).executeUpdate();
    }

    private static OffsetDateTime time(Object value) {
        return value == null ? null : value instanceof OffsetDateTime t ? t : ((Instant) value).atOffset(ZoneOffset.UTC);
    }
}
