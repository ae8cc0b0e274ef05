package org.recert.catalog.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class ProviderRepository implements PanacheRepositoryBase<ProviderEntity, UUID> {

    public Optional<ProviderEntity> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean nameTaken(String name, UUID except) {
        return count("lower(name) = lower(:name) and id <> :id", Parameters.with("name", name).and("id", except)) > 0;
    }

    /** Providers ordered by name, after the keyset ({@code afterName}, {@code afterId}) when given. */
    public List<ProviderEntity> page(String afterName, UUID afterId, Boolean active, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (afterName != null) {
            where.append(" and (name > :afterName or (name = :afterName and id > :afterId))");
            parameters.and("afterName", afterName).and("afterId", afterId);
        }
        if (active != null) {
            where.append(" and active = :active");
            parameters.and("active", active);
        }
        return find(where + " order by name, id", parameters).page(0, limit).list();
    }
}
