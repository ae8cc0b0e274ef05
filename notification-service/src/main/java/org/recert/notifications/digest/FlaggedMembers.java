package org.recert.notifications.digest;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.recert.notifications.domain.Missing;
import org.recert.notifications.store.MissingColumn;
import org.recert.notifications.store.SqlDates;

/**
 * The members an organization's digest reports: listed on its roster, sharing their status with it (consent), and
 * AT_RISK, GRACE or LAPSED in a credential by their latest status. Nobody else, ever.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FlaggedMembers {

    /** The one definition of who a digest reports, for roster {@code r} joined to the status projection {@code s}. */
    static final String REPORTED = "r.member and r.consent and s.status in ('AT_RISK', 'GRACE', 'LAPSED')";

    /** One member's standing in one credential: who, in the employer's own reference where it gave one, and what is wrong. */
    public record Line(String learnerId, String staffRef, String credential, String credentialName, String status, LocalDate dueDate,
            LocalDate graceEnd, LocalDate applyBy, List<Missing> missing) {
    }

    private final EntityManager entityManager;

    public FlaggedMembers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The organization's reported members, the most urgent first (lapsed, in grace, at risk; then by due date). */
    public List<Line> of(UUID organizationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select r.learner_id, r.staff_ref, s.credential, s.credential_name, s.status, s.due_date, s.grace_end, s.apply_by,
                       s.missing_codes
                from employer_roster r
                join learner_status s on s.learner_id = r.learner_id
                where r.organization_id = ?1 and %s
                order by case s.status when 'LAPSED' then 0 when 'GRACE' then 1 else 2 end, s.due_date, r.staff_ref, r.learner_id,
                         s.credential""".formatted(REPORTED))
                .setParameter(1, organizationId).getResultList();
        return rows.stream().map(row -> new Line((String) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                SqlDates.of(row[5]), SqlDates.of(row[6]), SqlDates.of(row[7]), MissingColumn.read((String) row[8]))).toList();
    }

    /** The organization's name as compliance last gave it, if it did. */
    public Optional<String> organizationName(UUID organizationId) {
        @SuppressWarnings("unchecked")
        List<String> names = entityManager.createNativeQuery("""
                select organization_name from employer_roster where organization_id = ?1 and organization_name is not null
                order by updated_at desc limit 1""")
                .setParameter(1, organizationId).getResultList();
        return names.stream().findFirst();
    }
}
