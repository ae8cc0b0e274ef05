package org.recert.notifications.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.recert.notifications.domain.Languages;
import org.recert.platform.problem.ProblemException;

/** Each organization's choice of the weekly digest: on or off, where it goes, and its language. */
@ApplicationScoped
@Transactional
public class EmployerDigests {

    /** An organization's choice; {@code updatedAt} null while it has never chosen (the digest is off). */
    public record Choice(UUID organizationId, boolean enabled, List<String> recipients, String language, Instant updatedAt) {
    }

    private final EntityManager entityManager;
    private final Clock clock;

    public EmployerDigests(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Choice of(UUID organizationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select enabled, recipients, language, updated_at from employer_digest where organization_id = ?1""")
                .setParameter(1, organizationId).getResultList();
        if (rows.isEmpty()) {
            return new Choice(organizationId, false, List.of(), Languages.ENGLISH, null);
        }
        Object[] row = rows.get(0);
        return new Choice(organizationId, (Boolean) row[0], recipients((String) row[1]), (String) row[2], instant(row[3]));
    }

    /**
     * Saves the organization's choice. {@code language} null is English; one that is not supported is refused, and so is
     * a digest turned on with nowhere to go, each naming the field.
     */
    public Choice save(UUID organizationId, boolean enabled, List<String> addresses, String language) {
        if (language == null) {
            language = Languages.ENGLISH;
        } else if (!Languages.SUPPORTED.contains(language)) {
            throw ProblemException.invalid("language", "must be one of " + String.join(", ", Languages.SUPPORTED) + ", or absent for English");
        }
        if (enabled && addresses.isEmpty()) {
            throw ProblemException.invalid("recipients", "an enabled digest needs at least one address to go to");
        }
        List<String> recipients = addresses.stream().map(String::strip).distinct().toList();
        Instant now = clock.instant();
        entityManager.createNativeQuery("""
                insert into employer_digest (organization_id, enabled, recipients, language, updated_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict (organization_id) do update set enabled = excluded.enabled, recipients = excluded.recipients,
                    language = excluded.language, updated_at = excluded.updated_at""")
                .setParameter(1, organizationId).setParameter(2, enabled).setParameter(3, String.join("\n", recipients))
                .setParameter(4, language).setParameter(5, now).executeUpdate();
        return new Choice(organizationId, enabled, List.copyOf(recipients), language, now);
    }

    static List<String> recipients(String column) {
        return column.isEmpty() ? List.of() : Arrays.asList(column.split("\n"));
    }

    static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }
}
