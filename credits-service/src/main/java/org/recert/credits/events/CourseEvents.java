package org.recert.credits.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;
import org.recert.credits.domain.Amount;
import org.recert.credits.domain.Category;
import org.recert.credits.domain.CategoryValue;
import org.recert.credits.domain.Course;
import org.recert.credits.domain.CreditUnit;
import org.recert.credits.store.CourseStore;
import org.recert.platform.events.EventHandler;
import org.recert.platform.events.IncomingEvent;

/**
 * Keeps the course read model from catalog.course.v1: published, updated and retired courses, the highest
 * version of each winning. An event this service cannot read fails, and the consumer parks it in the DLQ.
 */
@ApplicationScoped
public class CourseEvents implements EventHandler {

    public static final String TOPIC = "catalog.course.v1";
    private static final Logger LOG = Logger.getLogger(CourseEvents.class);
    private static final Set<String> TYPES = Set.of("CoursePublished", "CourseUpdated", "CourseRetired");

    private final CourseStore courses;

    public CourseEvents(CourseStore courses) {
        this.courses = courses;
    }

    @Override
    public Set<String> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public void handle(IncomingEvent event) {
        if (!TYPES.contains(event.type())) {
            LOG.debugf("ignoring %s %s", event.type(), event.id());
            return;
        }
        Course course = toCourse(event.data(), event.type());
        if (!courses.upsert(course)) {
            LOG.debugf("course %s version %d is not newer than the one kept", course.id(), course.version());
        }
    }

    static Course toCourse(JsonNode data, String type) {
        JsonNode credit = required(data, "credit");
        List<CategoryValue> categories = new ArrayList<>();
        for (JsonNode part : credit.path("categories")) {
            categories.add(new CategoryValue(Category.valueOf(required(part, "category").asText()), required(part, "value").decimalValue()));
        }
        JsonNode approval = data.path("approval");
        boolean hasApproval = approval.isObject();
        String status = "CourseRetired".equals(type) ? "RETIRED" : text(data, "status", "PUBLISHED");
        LocalDate retiredOn = date(data.path("retiredOn"));
        if ("RETIRED".equals(status) && retiredOn == null) {
            retiredOn = LocalDate.now();
        }
        BigDecimal amount = required(credit, "amount").decimalValue();
        return new Course(
                UUID.fromString(required(data, "id").asText()),
                UUID.fromString(required(data, "providerId").asText()),
                text(data, "providerName", null),
                required(data, "title").asText(),
                text(data, "format", "ONLINE_WORKSHOP"),
                new Amount(amount, CreditUnit.valueOf(required(credit, "unit").asText())),
                categories,
                credit.path("contactMinutes").isNumber() ? credit.path("contactMinutes").asInt() : null,
                hasApproval ? text(approval, "body", null) : null,
                hasApproval ? text(approval, "number", null) : null,
                hasApproval ? date(approval.path("validFrom")) : null,
                hasApproval ? date(approval.path("validTo")) : null,
                status,
                retiredOn,
                data.path("version").asLong(1));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new IllegalArgumentException("course event without " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : fallback;
    }

    private static LocalDate date(JsonNode value) {
        return value.isTextual() && !value.asText().isBlank() ? LocalDate.parse(value.asText()) : null;
    }
}
