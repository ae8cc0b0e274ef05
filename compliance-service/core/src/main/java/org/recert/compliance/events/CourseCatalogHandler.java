package org.recert.compliance.events;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.recert.contracts.CourseEvent;
import org.recert.contracts.EventContract;
import org.recert.contracts.Topics;
import org.recert.contracts.ActivityType;
import org.recert.contracts.Approval;
import org.recert.compliance.domain.CategoryShare;
import org.recert.compliance.domain.CourseOffer;
import org.recert.contracts.FeeModel;
import org.recert.compliance.service.CreditFacts;
import org.recert.compliance.store.CatalogCourseEntity;
import org.recert.platform.events.EventHandler;
import org.recert.platform.events.IncomingEvent;

/** Keeps the highest version of every published course from catalog.course.v1: the read model plans choose from. */
@ApplicationScoped
public class CourseCatalogHandler implements EventHandler {


    private final EntityManager entityManager;
    private final CreditFacts facts;
    private final ProjectionRebuild rebuild;
    private final Clock clock;

    public CourseCatalogHandler(EntityManager entityManager, CreditFacts facts, ProjectionRebuild rebuild, Clock clock) {
        this.entityManager = entityManager;
        this.facts = facts;
        this.rebuild = rebuild;
        this.clock = clock;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.CATALOG_COURSE);
    }

    @Override
    public void handle(IncomingEvent event) {
        CourseEvent course = EventContract.CATALOG_COURSE.read(event.data());
        String courseId = course.id().toString();
        int version = Math.toIntExact(course.version());
        String status = course.retires(event.type()) ? CreditFacts.RETIRED : course.status().name();
        CourseEvent.Credit credit = course.credit();
        BigDecimal amount = StoredDecimals.atMost(credit.amount(), 4, "credit.amount");
        List<CategoryShare> categories = credit.categories().stream()
                .map(part -> new CategoryShare(part.category(), StoredDecimals.atMost(part.value(), 4, "credit.categories.value"))).toList();
        FeeModel feeModel = course.fee().model();
        BigDecimal feeAmount = feeModel == FeeModel.FREE ? BigDecimal.ZERO : StoredDecimals.atMost(course.fee().amount(), 2, "fee.amount");
        CourseEvent.CourseApproval approval = course.approval();
        String approvalBody = approval == null ? null : approval.body().name();
        // the planner's own checks decide whether the course can ever be planned with
        CourseOffer offer = new CourseOffer(courseId, course.title(), course.providerId().toString(),
                ActivityType.valueOf(course.format().name()), feeAmount, feeModel, amount, credit.unit(), categories,
                approval == null ? Approval.NON_AAMA : Approval.AAMA, credit.contactMinutes(),
                CreditFacts.RETIRED.equals(status), approval == null ? null : approval.validTo());

        CatalogCourseEntity row = entityManager.find(CatalogCourseEntity.class, courseId, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || row.version < version) {
            boolean created = row == null;
            if (created) {
                row = new CatalogCourseEntity();
                row.courseId = courseId;
            }
            row.version = version;
            row.title = offer.title();
            row.providerId = offer.providerId();
            row.providerName = course.providerName();
            row.format = offer.activityType().name();
            row.status = status;
            row.feeModel = feeModel.name();
            row.fee = feeAmount;
            row.currency = course.fee().currency();
            row.amount = amount;
            row.unit = credit.unit().name();
            row.categories = facts.write(categories);
            row.approvalBody = approvalBody;
            row.approvalNumber = approval == null ? null : approval.number();
            row.approvalValidTo = offer.approvalValidTo();
            row.contactMinutes = offer.contactMinutes();
            row.retiredOn = course.retiredOn();
            row.updatedAt = clock.instant();
            if (created) {
                entityManager.persist(row);
            }
            entityManager.flush();
        }
        rebuild.track(event);
    }
}
