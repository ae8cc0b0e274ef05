package org.recert.catalog.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import org.recert.catalog.domain.Provider;
import org.recert.catalog.domain.ProviderInput;
import org.recert.catalog.store.ProviderEntity;
import org.recert.catalog.store.ProviderRepository;
import org.recert.platform.problem.ProblemException;
import org.recert.platform.web.Cursor;
import org.recert.platform.web.ETags;
import org.recert.platform.web.Page;

/** Providers of continuing education: curators write them, everyone signed in reads them. */
@ApplicationScoped
@Transactional
public class ProviderDirectory {

    private final ProviderRepository providers;
    private final CourseCatalog catalog;
    private final Clock clock;

    public ProviderDirectory(ProviderRepository providers, CourseCatalog catalog, Clock clock) {
        this.clock = clock;
        this.providers = providers;
        this.catalog = catalog;
    }

    public Provider create(ProviderInput input) {
        return create(UUID.randomUUID(), input);
    }

    /** As {@link #create(ProviderInput)} with the id given (demo providers keep theirs). */
    public Provider create(UUID id, ProviderInput input) {
        requireUniqueName(input.name(), id);
        ProviderEntity provider = new ProviderEntity();
        provider.id = id;
        CourseViews.apply(input, provider);
        provider.version = 1;
        provider.createdAt = now();
        provider.updatedAt = provider.createdAt;
        providers.persist(provider);
        flushNamed(provider.name);
        return CourseViews.provider(provider);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Provider get(UUID id) {
        return providers.findByIdOptional(id).map(CourseViews::provider)
                .orElseThrow(() -> ProblemException.notFound("provider " + id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(UUID id) {
        return providers.findByIdOptional(id).isPresent();
    }

    /** Replaces a provider; a new name is re-announced on its published courses, whose events carry it. */
    public Provider update(UUID id, String ifMatch, ProviderInput input) {
        ProviderEntity provider = providers.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("provider " + id));
        ETags.requireMatch(ifMatch, provider.version);
        requireUniqueName(input.name(), id);
        String oldName = provider.name;
        CourseViews.apply(input, provider);
        provider.version++;
        provider.updatedAt = now();
        flushNamed(provider.name);
        if (!oldName.equals(provider.name)) {
            catalog.providerRenamed(id);
        }
        return CourseViews.provider(provider);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Provider> list(Boolean active, String cursor, int limit) {
        String afterName = null;
        UUID afterId = null;
        if (cursor != null) {
            List<String> values = Cursor.decode(cursor, 2);
            afterName = values.get(0);
            afterId = Cursor.uuid(values.get(1));
        }
        List<ProviderEntity> rows = providers.page(afterName, afterId, active, limit + 1);
        boolean more = rows.size() > limit;
        List<ProviderEntity> page = more ? rows.subList(0, limit) : rows;
        String next = more ? Cursor.encode(page.get(limit - 1).name, page.get(limit - 1).id.toString()) : null;
        return Page.of(page.stream().map(CourseViews::provider).toList(), next);
    }

    /** Writes now, so that a name taken by a concurrent request answers 409 rather than failing at commit. */
    private void flushNamed(String name) {
        try {
            providers.flush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException violation && "provider_name_unique".equals(violation.getConstraintName())) {
                throw ProblemException.conflict("a provider named " + name + " exists already");
            }
            throw e;
        }
    }

    private void requireUniqueName(String name, UUID id) {
        if (providers.nameTaken(name.strip(), id)) {
            throw ProblemException.conflict("a provider named " + name.strip() + " exists already");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
