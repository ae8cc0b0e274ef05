package org.recert.credits.store;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.recert.credits.domain.Amount;
import org.recert.contracts.Category;
import org.recert.credits.domain.CategoryValue;
import org.recert.credits.domain.Course;
import org.recert.contracts.CreditUnit;
import org.recert.credits.domain.Decimals;

/** The read model of catalog courses: the latest version of each, as catalog.course.v1 delivered it. */
@ApplicationScoped
public class CourseStore {

    private final EntityManager entityManager;
    private final Clock clock;

    public CourseStore(EntityManager entityManager, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
    }

    public Optional<Course> find(UUID id) {
        return Optional.ofNullable(entityManager.find(CourseRecord.class, id)).map(CourseStore::toCourse);
    }

    public Map<UUID, Course> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return entityManager.createQuery("from CourseRecord c where c.id in :ids", CourseRecord.class)
                .setParameter("ids", ids).getResultStream()
                .map(CourseStore::toCourse).collect(Collectors.toMap(Course::id, Function.identity()));
    }

    /**
     * Stores {@code course} unless a version at least as new is already there (events may come twice, or a
     * compacted topic may replay an older value after a newer one).
     *
     * @return whether the read model changed
     */
    public boolean upsert(Course course) {
        // one consumer applies a course's events in order (they share its key), so find-then-write is safe here
        CourseRecord record = entityManager.find(CourseRecord.class, course.id());
        if (record != null && record.version >= course.version()) {
            return false;
        }
        boolean isNew = record == null;
        if (isNew) {
            record = new CourseRecord();
            record.id = course.id();
        }
        record.providerId = course.providerId();
        record.providerName = course.providerName();
        record.title = course.title();
        record.format = course.format();
        record.amountValue = course.amount().value();
        record.amountUnit = course.amount().unit().name();
        record.administrativeValue = valueIn(course, Category.ADMINISTRATIVE);
        record.clinicalValue = valueIn(course, Category.CLINICAL);
        record.generalValue = valueIn(course, Category.GENERAL);
        record.contactMinutes = course.contactMinutes();
        record.approvalBody = course.approvalBody();
        record.approvalNumber = course.approvalNumber();
        record.approvalValidFrom = course.approvalValidFrom();
        record.approvalValidTo = course.approvalValidTo();
        record.status = course.status();
        record.retiredOn = course.retiredOn();
        record.version = course.version();
        record.updatedAt = clock.instant();
        if (isNew) {
            entityManager.persist(record);
        }
        return true;
    }

    private static BigDecimal valueIn(Course course, Category category) {
        return course.categories().stream().filter(c -> c.category() == category).map(CategoryValue::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static Course toCourse(CourseRecord r) {
        List<CategoryValue> categories = new ArrayList<>();
        for (Category category : Category.values()) {
            BigDecimal value = switch (category) {
                case ADMINISTRATIVE -> r.administrativeValue;
                case CLINICAL -> r.clinicalValue;
                case GENERAL -> r.generalValue;
            };
            if (value != null && value.signum() > 0) {
                categories.add(new CategoryValue(category, Decimals.normalize(value)));
            }
        }
        return new Course(r.id, r.providerId, r.providerName, r.title, r.format,
                new Amount(r.amountValue, CreditUnit.valueOf(r.amountUnit)), categories, r.contactMinutes, r.approvalBody, r.approvalNumber,
                r.approvalValidFrom, r.approvalValidTo, r.status, r.retiredOn, r.version);
    }
}
