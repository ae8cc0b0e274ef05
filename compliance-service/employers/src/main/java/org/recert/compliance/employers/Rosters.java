package org.recert.compliance.employers;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.recert.compliance.employers.store.Consent;
import org.recert.compliance.employers.store.DeliveryQueue;
import org.recert.compliance.employers.store.RosterMember;
import org.recert.compliance.employers.store.RosterQueries;
import org.recert.compliance.store.TransactionLocks;
import org.recert.platform.problem.ProblemException;
import org.recert.platform.time.ServiceClock;

/** An organization's roster: who is on it, and what of them the organization may see. */
@ApplicationScoped
@Transactional
public class Rosters {

    private final Organizations organizations;
    private final RosterQueries queries;
    private final DeliveryQueue deliveries;
    private final StatusFeed feed;
    private final Consents consents;
    private final TransactionLocks locks;
    private final EntityManager entityManager;
    private final ServiceClock clock;
    private final RosterEvents rosterEvents;

    public Rosters(Organizations organizations, RosterQueries queries, DeliveryQueue deliveries, StatusFeed feed, Consents consents,
            TransactionLocks locks, EntityManager entityManager, ServiceClock clock, RosterEvents rosterEvents) {
        this.rosterEvents = rosterEvents;
        this.entityManager = entityManager;
        this.clock = clock;
        this.organizations = organizations;
        this.queries = queries;
        this.deliveries = deliveries;
        this.feed = feed;
        this.consents = consents;
        this.locks = locks;
    }

    /**
     * Adds the learner to the roster or changes their staff reference; true when the learner was added. A learner
     * who already consented is announced to compliance.consent.granted subscribers at once.
     */
    public boolean putMember(UUID organizationId, String learnerId, String staffRef) {
        organizations.require(organizationId);
        // one writer per roster: racing adds of a learner, or of one staff reference, answer as if sent one after the other
        locks.hold("roster", organizationId.toString());
        if (staffRef != null) {
            RosterMember holder = entityManager.createQuery(
                            "from RosterMember m where m.key.organizationId = :organization and m.staffRef = :staffRef", RosterMember.class)
                    .setParameter("organization", organizationId).setParameter("staffRef", staffRef)
                    .setMaxResults(1).getResultStream().findFirst().orElse(null);
            if (holder != null && !holder.key.learnerId.equals(learnerId)) {
                throw ProblemException.conflict("staffRef " + staffRef + " already names another member of this organization");
            }
        }
        RosterMember member = entityManager.find(RosterMember.class, new RosterMember.Key(organizationId, learnerId));
        boolean added = member == null;
        if (added) {
            member = new RosterMember();
            member.key = new RosterMember.Key(organizationId, learnerId);
            member.addedAt = OffsetDateTime.now(clock.wall()).withOffsetSameInstant(ZoneOffset.UTC);
            entityManager.persist(member);
        }
        boolean changed = added || !Objects.equals(member.staffRef, staffRef);
        member.staffRef = staffRef;
        if (changed) {
            rosterEvents.changed(organizationId, learnerId);
        }
        if (added && entityManager.find(Consent.class, member.key) != null) {
            // the learner had already consented: their status becomes visible to the organization now
            entityManager.flush();
            feed.consentGranted(organizationId, learnerId);
        }
        return added;
    }

    /**
     * Takes the learner off the roster, ends their consent to this organization (listing them again waits for a new
     * grant) and cancels what was still to be delivered about them.
     */
    public void removeMember(UUID organizationId, String learnerId, ConsentActor actor) {
        organizations.require(organizationId);
        locks.hold("roster", organizationId.toString());
        int removed = entityManager.createQuery(
                        "delete from RosterMember m where m.key.organizationId = :organization and m.key.learnerId = :learner")
                .setParameter("organization", organizationId).setParameter("learner", learnerId).executeUpdate();
        if (removed == 0) {
            throw ProblemException.notFound("member " + learnerId);
        }
        consents.endWithMembership(learnerId, organizationId, actor);
        deliveries.cancelPending(organizationId, learnerId);
        rosterEvents.changed(organizationId, learnerId);
    }

    /** The roster lines of one member (one per credential with a stored status), or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RosterLine> member(UUID organizationId, String learnerId) {
        organizations.require(organizationId);
        if (entityManager.find(RosterMember.class, new RosterMember.Key(organizationId, learnerId)) == null) {
            throw ProblemException.notFound("member " + learnerId);
        }
        return queries.page(new RosterFilter(organizationId, java.util.Set.of(), null, null, null, RosterSort.LEARNER_ID,
                List.of(), 100, learnerId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RosterLine> page(RosterFilter filter) {
        organizations.require(filter.organizationId());
        return queries.page(filter);
    }

    @Transactional(Transactional.TxType.NEVER)
    public void export(RosterFilter filter, Consumer<RosterLine> sink) {
        queries.stream(filter, sink);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireOrganization(UUID organizationId) {
        organizations.require(organizationId);
    }

    /** Stored status of the consenting members among {@code ids} (learner ids, or staff references). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RosterLine> check(UUID organizationId, String credential, Collection<String> ids, boolean byStaffRef) {
        organizations.require(organizationId);
        return queries.check(organizationId, credential, ids, byStaffRef);
    }
}
