package org.recert.credits.events;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.recert.contracts.CourseEvent;
import org.recert.contracts.CourseStatus;
import org.recert.contracts.EventContract;
import org.recert.contracts.Topics;
import org.recert.credits.domain.Amount;
import org.recert.credits.domain.CategoryValue;
import org.recert.credits.domain.Course;
import org.recert.credits.store.CourseStore;
import org.recert.platform.events.EventHandler;
import org.recert.platform.events.IncomingEvent;

/**
 * Keeps the course read model from catalog.course.v1: published, updated and retired courses, the highest
 * version of each winning. An event its schema refuses fails here, and the consumer parks it in the DLQ.
 */
@ApplicationScoped
public class CourseEvents implements EventHandler {

    private static final Logger LOG = Logger.getLogger(CourseEvents.class);
    private static final Set<String> TYPES = Set.of(CourseEvent.PUBLISHED, CourseEvent.UPDATED, CourseEvent.RETIRED);

    private final CourseStore courses;

    public CourseEvents(CourseStore courses) {
        this.courses = courses;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.CATALOG_COURSE);
    }

    @Override
    public void handle(IncomingEvent event) {
        if (!TYPES.contains(event.type())) {
            LOG.debugf("ignoring %s %s", event.type(), event.id());
            return;
        }
        Course course = toCourse(EventContract.CATALOG_COURSE.read(event.data()), event.type());
        if (!courses.upsert(course)) {
            LOG.debugf("course %s version %d is not newer than the one kept", course.id(), course.version());
        }
    }

    static Course toCourse(CourseEvent event, String type) {
        CourseEvent.Credit credit = event.credit();
        CourseEvent.CourseApproval approval = event.approval();
        return new Course(
                event.id(),
                event.providerId(),
                event.providerName(),
                event.title(),
                event.format().name(),
                new Amount(credit.amount(), credit.unit()),
                credit.categories().stream().map(part -> new CategoryValue(part.category(), part.value())).toList(),
                credit.contactMinutes(),
                approval == null ? null : approval.body().name(),
                approval == null ? null : approval.number(),
                approval == null ? null : approval.validFrom(),
                approval == null ? null : approval.validTo(),
                (event.retires(type) ? CourseStatus.RETIRED : event.status()).name(),
                event.retiredOn(),
                event.version());
    }
}
