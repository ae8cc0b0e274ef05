package org.recert.compliance.employers;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import org.recert.compliance.employers.store.Organization;
import org.recert.platform.problem.ProblemException;

/** Employer organizations. Tenancy (who may act for which organization) is checked by the caller's resource. */
@ApplicationScoped
@Transactional
public class Organizations {

    public Organization create(String name) {
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.name = name.strip();
        organization.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        organization.persist();
        return organization;
    }

    /** The organization, or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Organization require(UUID id) {
        Organization organization = Organization.findById(id);
        if (organization == null) {
            throw ProblemException.notFound("organization " + id);
        }
        return organization;
    }

    /** Organizations by name, after ({@code afterName}, {@code afterId}) when given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Organization> list(String afterName, UUID afterId, int limit) {
        if (afterName == null) {
            return Organization.findAll(Sort.by("name").and("id")).page(0, limit).list();
        }
        return Organization.find("name > :name or (name = :name and id > :id)", Sort.by("name").and("id"),
                Parameters.with("name", afterName).and("id", afterId)).page(0, limit).list();
    }
}
