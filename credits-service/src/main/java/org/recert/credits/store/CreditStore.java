package org.recert.credits.store;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.hibernate.Session;
import org.recert.contracts.ActivityType;
import org.recert.credits.domain.Amount;
import org.recert.contracts.Approval;
import org.recert.contracts.Category;
import org.recert.credits.domain.CategoryValue;
import org.recert.credits.domain.Credit;
import org.recert.credits.domain.CreditContent;
import org.recert.credits.domain.CreditFilter;
import org.recert.contracts.CreditSource;
import org.recert.contracts.CreditStatus;
import org.recert.contracts.CreditUnit;
import org.recert.credits.domain.Decimals;
import org.recert.credits.domain.Evidence;
import org.recert.credits.domain.Transcript;
import org.recert.contracts.Verification;

/**
 * The ledger's storage. A new credit is a credit row and its version 1; a change is a new version plus a
 * guarded move of the credit row from the version it was read at to the next one, so two concurrent changes
 * of the same version cannot both win. Versions are never updated.
 */
@ApplicationScoped
public class CreditStore {

    /** The credit row of a new credit: it points at its version 1 and carries what listings filter on. */
    private static final BulkInsert<CreditVersionRecord> NEW_CREDITS = BulkInsert.<CreditVersionRecord>into("credit")
            .column("id", "uuid", v -> v.creditId)
            .column("learner_id", "text", v -> v.learnerId)
            .column("version", "integer", v -> v.version)
            .column("status", "text", v -> v.status)
            .column("course_id", "uuid", v -> v.courseId)
            .column("completed_on", "date", v -> v.completedOn)
            .column("source", "text", v -> v.source)
            .column("created_at", "timestamptz", v -> v.recordedAt)
            .column("updated_at", "timestamptz", v -> v.recordedAt);

    private static final BulkInsert<CreditVersionRecord> NEW_VERSIONS = BulkInsert.<CreditVersionRecord>into("credit_version")
            .column("credit_id", "uuid", v -> v.creditId)
            .column("learner_id", "text", v -> v.learnerId)
            .column("activity_type", "text", v -> v.activityType)
            .column("title", "text", v -> v.title)
            .column("provider_name", "text", v -> v.providerName)
            .column("course_id", "uuid", v -> v.courseId)
            .column("completed_on", "date", v -> v.completedOn)
            .column("amount_value", "numeric", v -> v.amountValue)
            .column("amount_unit", "text", v -> v.amountUnit)
            .column("administrative_value", "numeric", v -> v.administrativeValue)
            .column("clinical_value", "numeric", v -> v.clinicalValue)
            .column("general_value", "numeric", v -> v.generalValue)
            .column("approval", "text", v -> v.approval)
            .column("contact_minutes", "integer", v -> v.contactMinutes)
            .column("evidence_issuer", "text", v -> v.evidenceIssuer)
            .column("evidence_certificate_number", "text", v -> v.evidenceCertificateNumber)
            .column("evidence_file_name", "text", v -> v.evidenceFileName)
            .column("evidence_sha256", "text", v -> v.evidenceSha256)
            .column("source", "text", v -> v.source)
            .column("status", "text", v -> v.status)
            .column("reason", "text", v -> v.reason)
            .column("recorded_at", "timestamptz", v -> v.recordedAt)
            .column("recorded_by", "text", v -> v.recordedBy)
            .column("version", "integer", v -> v.version)
            .column("verification", "text", v -> v.verification);

    private final EntityManager entityManager;
    private final Clock clock;

    /** {@code clock}: the platform's {@code ServiceClock} (tests may replace it). */
    public CreditStore(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Writes a new credit (its version 1) at once, so that a unique conflict surfaces here: the statements of
     * {@link #insertAll} with one row, cheaper than persisting two entities and flushing them.
     */
    public void insert(Credit credit, String recordedBy) {
        insertAll(List.of(credit), recordedBy);
    }

    /**
     * Appends {@code next} as the credit's new version, if the credit is still at {@code next.version() - 1}.
     *
     * @return false when another change got there first
     */
    public boolean append(Credit next, String recordedBy) {
        int moved = entityManager.createQuery("""
                update CreditRecord c set c.version = :next, c.status = :status, c.courseId = :courseId,
                    c.completedOn = :completedOn, c.updatedAt = :now
                where c.id = :id and c.version = :current""")
                .setParameter("next", next.version())
                .setParameter("status", next.status().name())
                .setParameter("courseId", next.courseId())
                .setParameter("completedOn", next.completedOn())
                .setParameter("now", next.recordedAt())
                .setParameter("id", next.id())
                .setParameter("current", next.version() - 1)
                .executeUpdate();
        if (moved == 0) {
            return false;
        }
        entityManager.persist(toVersion(next, recordedBy));
        entityManager.flush();
        return true;
    }

    public Optional<Credit> current(UUID id) {
        List<CreditVersionRecord> rows = entityManager.createNativeQuery("""
                select v.* from credit c join credit_version v on v.credit_id = c.id and v.version = c.version
                where c.id = ?1""", CreditVersionRecord.class)
                .setParameter(1, id)
                .getResultList();
        return rows.stream().findFirst().map(CreditStore::toCredit);
    }

    /** Every version of a credit, oldest first; empty when there is no such credit. */
    public List<Credit> versions(UUID id) {
        return entityManager.createQuery("from CreditVersionRecord v where v.creditId = :id order by v.version", CreditVersionRecord.class)
                .setParameter("id", id)
                .getResultList().stream().map(CreditStore::toCredit).toList();
    }

    /** The active credit of this learner for this course and completion date, if there is one. */
    public Optional<UUID> activeCreditFor(String learnerId, UUID courseId, LocalDate completedOn) {
        return entityManager.createQuery("""
                select c.id from CreditRecord c where c.learnerId = :learner and c.courseId = :course
                    and c.completedOn = :completedOn and c.status = 'ACTIVE'""", UUID.class)
                .setParameter("learner", learnerId)
                .setParameter("course", courseId)
                .setParameter("completedOn", completedOn)
                .getResultStream().findFirst();
    }

    /**
     * One page of a learner's credits at their current versions, newest completion first; {@code after} is the
     * (completedOn, id) of the last credit of the previous page.
     */
    public List<Credit> list(String learnerId, CreditFilter filter, LocalDate afterCompletedOn, UUID afterId, int limit) {
        return rows(query(learnerId, filter, afterCompletedOn, afterId, limit, false));
    }

    /** One page of a learner's credits at their current versions, oldest completion first (a transcript's order). */
    public List<Credit> listOldestFirst(String learnerId, CreditFilter filter, LocalDate afterCompletedOn, UUID afterId, int limit) {
        return rows(query(learnerId, filter, afterCompletedOn, afterId, limit, true));
    }

    /**
     * Hands every matching credit to {@code sink}, oldest first, as the database streams them: a transcript of any
     * length passes through in fetches of a few hundred rows, none kept once handed over. Runs in the caller's transaction.
     */
    public void streamOldestFirst(String learnerId, CreditFilter filter, Consumer<Credit> sink) {
        Query query = query(learnerId, filter, null, null, 0, true).setHint("org.hibernate.fetchSize", 500);
        @SuppressWarnings("unchecked")
        Stream<CreditVersionRecord> rows = query.getResultStream();
        try (rows) {
            rows.forEach(row -> {
                sink.accept(toCredit(row));
                entityManager.detach(row);
            });
        }
    }

    /** What the matching credits add up to, per unit and approval, summed by the database. */
    public List<Transcript.Sum> sums(String learnerId, CreditFilter filter) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select v.amount_unit, v.approval, sum(v.amount_value), sum(v.administrative_value), sum(v.clinical_value),
                       sum(v.general_value)
                from credit c join credit_version v on v.credit_id = c.id and v.version = c.version
                where c.learner_id = :learner and c.status = :status
                  and (cast(:from as date) is null or c.completed_on >= cast(:from as date))
                  and (cast(:to as date) is null or c.completed_on <= cast(:to as date))
                group by v.amount_unit, v.approval""")
                .setParameter("learner", learnerId).setParameter("status", filter.status().name())
                .setParameter("from", filter.from()).setParameter("to", filter.to()).getResultList();
        return rows.stream().map(row -> new Transcript.Sum(CreditUnit.valueOf((String) row[0]), Approval.valueOf((String) row[1]),
                (BigDecimal) row[2], (BigDecimal) row[3], (BigDecimal) row[4], (BigDecimal) row[5])).toList();
    }

    private List<Credit> rows(Query query) {
        @SuppressWarnings("unchecked")
        List<CreditVersionRecord> rows = query.getResultList();
        return rows.stream().map(CreditStore::toCredit).toList();
    }

    private Query query(String learnerId, CreditFilter filter, LocalDate afterCompletedOn, UUID afterId, int limit,
            boolean oldestFirst) {
        StringBuilder sql = new StringBuilder("""
                select v.* from credit c join credit_version v on v.credit_id = c.id and v.version = c.version
                where c.learner_id = :learner""");
        if (filter.from() != null) {
            sql.append(" and c.completed_on >= :from");
        }
        if (filter.to() != null) {
            sql.append(" and c.completed_on <= :to");
        }
        if (filter.status() != null) {
            sql.append(" and c.status = :status");
        }
        if (filter.approval() != null) {
            sql.append(" and v.approval = :approval");
        }
        if (filter.activityType() != null) {
            sql.append(" and v.activity_type = :activityType");
        }
        if (filter.category() != null) {
            sql.append(" and v.").append(categoryColumn(filter.category())).append(" > 0");
        }
        if (afterCompletedOn != null) {
            sql.append(oldestFirst ? " and (c.completed_on, c.id) > (:afterCompletedOn, :afterId)"
                    : " and (c.completed_on, c.id) < (:afterCompletedOn, :afterId)");
        }
        sql.append(oldestFirst ? " order by c.completed_on, c.id" : " order by c.completed_on desc, c.id desc");
        Query query = entityManager.createNativeQuery(sql.toString(), CreditVersionRecord.class).setParameter("learner", learnerId);
        if (filter.from() != null) {
            query.setParameter("from", filter.from());
        }
        if (filter.to() != null) {
            query.setParameter("to", filter.to());
        }
        if (filter.status() != null) {
            query.setParameter("status", filter.status().name());
        }
        if (filter.approval() != null) {
            query.setParameter("approval", filter.approval().name());
        }
        if (filter.activityType() != null) {
            query.setParameter("activityType", filter.activityType().name());
        }
        if (afterCompletedOn != null) {
            query.setParameter("afterCompletedOn", afterCompletedOn).setParameter("afterId", afterId);
        }
        if (limit > 0) {
            query.setMaxResults(limit);
        }
        return query;
    }

    /**
     * Writes many new credits (version 1 each) in two statements, whatever their number: the path of provider
     * completion reports, where 10,000 single inserts would take minutes.
     */
    public void insertAll(Collection<Credit> credits, String recordedBy) {
        if (credits.isEmpty()) {
            return;
        }
        List<CreditVersionRecord> versions = credits.stream().map(credit -> toVersion(credit, recordedBy)).toList();
        entityManager.unwrap(Session.class).doWork(connection -> {
            NEW_CREDITS.execute(connection, versions);
            NEW_VERSIONS.execute(connection, versions);
        });
    }

    static String categoryColumn(Category category) {
        return switch (category) {
            case ADMINISTRATIVE -> "administrative_value";
            case CLINICAL -> "clinical_value";
            case GENERAL -> "general_value";
        };
    }

    static CreditVersionRecord toVersion(Credit credit, String recordedBy) {
        CreditContent content = credit.content();
        CreditVersionRecord v = new CreditVersionRecord();
        v.creditId = credit.id();
        v.version = credit.version();
        v.learnerId = credit.learnerId();
        v.activityType = content.activityType().name();
        v.title = content.title();
        v.providerName = content.providerName();
        v.courseId = content.courseId();
        v.completedOn = content.completedOn();
        v.amountValue = content.amount().value();
        v.amountUnit = content.amount().unit().name();
        v.administrativeValue = content.valueIn(Category.ADMINISTRATIVE);
        v.clinicalValue = content.valueIn(Category.CLINICAL);
        v.generalValue = content.valueIn(Category.GENERAL);
        v.approval = content.approval().name();
        v.contactMinutes = content.contactMinutes();
        Evidence evidence = content.evidence();
        if (evidence != null) {
            v.evidenceIssuer = evidence.issuer();
            v.evidenceCertificateNumber = evidence.certificateNumber();
            v.evidenceFileName = evidence.fileName();
            v.evidenceSha256 = evidence.sha256();
        }
        v.source = credit.source().name();
        v.verification = credit.verification().name();
        v.status = credit.status().name();
        v.reason = credit.reason();
        v.recordedAt = credit.recordedAt();
        v.recordedBy = recordedBy;
        return v;
    }

    static Credit toCredit(CreditVersionRecord v) {
        List<CategoryValue> categories = new ArrayList<>();
        addIfPositive(categories, Category.ADMINISTRATIVE, v.administrativeValue);
        addIfPositive(categories, Category.CLINICAL, v.clinicalValue);
        addIfPositive(categories, Category.GENERAL, v.generalValue);
        Evidence evidence = new Evidence(v.evidenceIssuer, v.evidenceCertificateNumber, v.evidenceFileName, v.evidenceSha256);
        CreditContent content = new CreditContent(ActivityType.valueOf(v.activityType), v.title, v.providerName, v.courseId,
                v.completedOn, new Amount(v.amountValue, CreditUnit.valueOf(v.amountUnit)), categories, Approval.valueOf(v.approval),
                v.contactMinutes, evidence);
        return Credit.of(v.creditId, v.learnerId, content, CreditSource.valueOf(v.source), Verification.valueOf(v.verification),
                CreditStatus.valueOf(v.status), v.version, v.recordedAt, v.reason);
    }

    private static void addIfPositive(List<CategoryValue> categories, Category category, BigDecimal value) {
        if (value != null && value.signum() > 0) {
            categories.add(new CategoryValue(category, Decimals.normalize(value)));
        }
    }

    /** Now, at the precision PostgreSQL keeps, so that what is answered equals what is read back later. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
