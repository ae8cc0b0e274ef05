package org.recert.compliance.service;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.recert.compliance.domain.CourseOffer;
import org.recert.compliance.store.CatalogCourseEntity;

/**
 * The course read model as plans see it, kept between plans: each plan asks the table for a one-row fingerprint and
 * reads and converts the courses again only when it changed. The fingerprint (row count, sum of versions, latest
 * update) moves on every write the catalog handler or a projection rebuild makes, whichever replica made it: a
 * course is only ever rewritten at a higher version, inserted, or deleted and written again by a rebuild.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PlanCatalog {

    private static final Logger LOG = Logger.getLogger(PlanCatalog.class);

    /** The catalog's details a planned course shows beside what the planner itself uses. */
    public record CourseDetails(String providerName, String format, String feeModel, BigDecimal fee, String currency,
            BigDecimal amount, String unit) {
    }

    /** The courses plans choose from (not retired, convertible), and each one's details by course id. */
    public record Courses(List<CourseOffer> offers, Map<String, CourseDetails> details) {
    }

    private record Snapshot(List<Object> fingerprint, Courses courses) {
    }

    private final EntityManager entityManager;
    private final CreditFacts facts;
    private volatile Snapshot snapshot;

    public PlanCatalog(EntityManager entityManager, CreditFacts facts) {
        this.entityManager = entityManager;
        this.facts = facts;
    }

    public Courses courses() {
        List<Object> fingerprint = fingerprint();
        Snapshot held = snapshot;
        if (held != null && held.fingerprint().equals(fingerprint)) {
            return held.courses();
        }
        // read after the fingerprint: the rows are at least as new as it, so a match later never hides a change
        Courses courses = load();
        snapshot = new Snapshot(fingerprint, courses);
        return courses;
    }

    private List<Object> fingerprint() {
        Object[] row = (Object[]) entityManager.createNativeQuery(
                "select count(*), coalesce(sum(version), 0), max(updated_at) from catalog_course").getSingleResult();
        List<Object> values = new ArrayList<>();
        for (Object value : row) {
            values.add(value instanceof Timestamp timestamp ? timestamp.toInstant() : value == null ? "" : value.toString());
        }
        return List.copyOf(values);
    }

    private Courses load() {
        List<CatalogCourseEntity> rows = entityManager.createQuery("from CatalogCourseEntity where status <> :retired",
                CatalogCourseEntity.class).setParameter("retired", CreditFacts.RETIRED).getResultList();
        List<CourseOffer> offers = new ArrayList<>();
        Map<String, CourseDetails> details = new HashMap<>();
        for (CatalogCourseEntity row : rows) {
            try {
                offers.add(facts.course(row));
                details.put(row.courseId, new CourseDetails(row.providerName, row.format, row.feeModel, row.fee, row.currency,
                        row.amount, row.unit));
            } catch (IllegalArgumentException e) {
                LOG.warnf("course %s left out of plans: %s", row.courseId, e.getMessage());
            }
            entityManager.detach(row);
        }
        return new Courses(List.copyOf(offers), Map.copyOf(details));
    }
}
