package org.recert.compliance.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.databind.JsonNode;
import org.recert.compliance.domain.ActivityType;
import org.recert.compliance.domain.Approval;
import org.recert.compliance.domain.CategoryShare;
import org.recert.compliance.domain.CourseOffer;
import org.recert.compliance.domain.CreditUnit;
import org.recert.compliance.domain.FeeModel;
import org.recert.compliance.service.CreditFacts;
import org.recert.compliance.store.CatalogCourseEntity;
import org.recert.platform.events.EventHandler;
import org.recert.platform.events.IncomingEvent;

/** Keeps the highest version of every published course from catalog.course.v1: the read model plans choose from. */
@ApplicationScoped
public class CourseCatalogHandler implements EventHandler {

    public static final String TOPIC = "catalog.course.v1";
    private static final Set<String> STATUSES = Set.of("PUBLISHED", CreditFacts.RETIRED);

    private final EntityManager entityManager;
    private final CreditFacts facts;
    private final ProjectionRebuild rebuild;

    public CourseCatalogHandler(EntityManager entityManager, CreditFacts facts, ProjectionRebuild rebuild) {
        this.entityManager = entityManager;
        this.facts = facts;
        this.rebuild = rebuild;
    }

    @Override
    public Set<String> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public void handle(IncomingEvent event) {
        JsonNode data = event.data();
        String courseId = EventFields.text(data, "id");
        int version = EventFields.positiveInt(data, "version");
        String status = "CourseRetired".equals(event.type()) ? CreditFacts.RETIRED : EventFields.text(data, "status");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("event data status has unknown value " + status);
        }
        JsonNode credit = data.path("credit");
        BigDecimal amount = EventFields.decimal(credit, "amount", 4);
        CreditUnit unit = EventFields.enumValue(CreditUnit.class, credit, "unit");
        List<CategoryShare> categories = EventFields.categories(credit, "categories");
        Integer minutes = EventFields.optionalInt(credit, "contactMinutes");
        JsonNode fee = data.path("fee");
        FeeModel feeModel = EventFields.enumValue(FeeModel.class, fee, "model");
        BigDecimal feeAmount = feeModel == FeeModel.FREE ? BigDecimal.ZERO : EventFields.decimal(fee, "amount", 2);
        JsonNode approval = data.path("approval");
        String approvalBody = approval.isObject() ? EventFields.optionalText(approval, "body") : null;
        // the planner's own checks decide whether the course can ever be planned with
        CourseOffer offer = new CourseOffer(courseId, EventFields.text(data, "title"), EventFields.text(data, "providerId"),
                EventFields.enumValue(ActivityType.class, data, "format"), feeAmount, feeModel, amount, unit, categories,
                "AAMA".equals(approvalBody) ? Approval.AAMA : Approval.NON_AAMA, minutes == null ? 0 : minutes,
                CreditFacts.RETIRED.equals(status), approval.isObject() ? EventFields.optionalDate(approval, "validTo") : null);

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
            row.providerName = EventFields.optionalText(data, "providerName");
            row.format = offer.activityType().name();
            row.status = status;
            row.feeModel = feeModel.name();
            row.fee = feeAmount;
            String currency = EventFields.optionalText(fee, "currency");
            row.currency = currency == null ? "USD" : currency;
            row.amount = amount;
            row.unit = unit.name();
            row.categories = facts.write(categories);
            row.approvalBody = approvalBody;
            row.approvalNumber = approval.isObject() ? EventFields.optionalText(approval, "number") : null;
            row.approvalValidTo = offer.approvalValidTo();
            row.contactMinutes = offer.contactMinutes();
            row.retiredOn = EventFields.optionalDate(data, "retiredOn");
            row.updatedAt = Instant.now();
            if (created) {
                entityManager.persist(row);
            }
            entityManager.flush();
        }
        rebuild.track(event);
    }
}
