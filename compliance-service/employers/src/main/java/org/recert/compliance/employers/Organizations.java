package org.recert.compliance.employers;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.recert.compliance.employers.store.Organization;
import org.recert.platform.problem.ProblemException;
import org.recert.platform.time.ServiceClock;

/** Employer organizations. Tenancy (who may act for which organization) is checked by the caller's resource. */
@ApplicationScoped
@Transactional
public class Organizations {

    private final EntityManager entityManager;
    private final ServiceClock clock;

    public Organizations(EntityManager entityManager, ServiceClock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public EmployerOrganization create(String name) {
        return create(UUID.randomUUID(), name);
    }

    /** Creates the organization under a known id (the demo's). */
    EmployerOrganization create(UUID id, String name) {
        Organization organization = new Organization();
        organization.id = id;
        organization.name = name.strip();
        organization.createdAt = OffsetDateTime.now(clock.wall()).withOffsetSameInstant(ZoneOffset.UTC);
        entityManager.persist(organization);
        return view(organization);
    }

    /** The organization, or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EmployerOrganization require(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("organization " + id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<EmployerOrganization> find(UUID id) {
        return Optional.ofNullable(entityManager.find(Organization.class, id)).map(Organizations::view);
    }

    /** Organizations by name, after ({@code afterName}, {@code afterId}) when given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EmployerOrganization> list(String afterName, UUID afterId, int limit) {
        var query = afterName == null
                ? entityManager.createQuery("from Organization o order by o.name, o.id", Organization.class)
                : entityManager.createQuery("""
                        from Organization o where o.name > :name or (o.name = :name and o.id > :id)
                        order by o.name, o.id""", Organization.class)
                        .setParameter("name", afterName)
                        .setParameter("id", afterId);
        return query.setMaxResults(limit).getResultStream().map(Organizations::view).toList();
    }

    private static EmployerOrganization view(Organization organization) {
        return new EmployerOrganization(organization.id, organization.name, organization.createdAt);
    }
}
