package org.recert.catalog.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.recert.catalog.domain.Approval;
import org.recert.catalog.domain.Course;
import org.recert.catalog.domain.Credit;
import org.recert.contracts.CategoryValue;
import org.recert.contracts.CourseEvent;
import org.recert.contracts.Topics;
import org.recert.platform.events.Outbox;

/** The events of {@code catalog.course.v1}: key courseId, data the whole course as the contract's {@link CourseEvent}. */
@ApplicationScoped
public class CourseEvents {

    private final Outbox outbox;

    public CourseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void published(Course course) {
        outbox.publish(Topics.CATALOG_COURSE, course.id().toString(), CourseEvent.PUBLISHED, event(course));
    }

    public void updated(Course course) {
        outbox.publish(Topics.CATALOG_COURSE, course.id().toString(), CourseEvent.UPDATED, event(course));
    }

    public void retired(Course course) {
        outbox.publish(Topics.CATALOG_COURSE, course.id().toString(), CourseEvent.RETIRED, event(course));
    }

    /** The course as the topic's contract writes it. */
    static CourseEvent event(Course course) {
        Credit credit = course.credit();
        Approval approval = course.approval();
        return new CourseEvent(course.id(), course.title(), course.providerId(), course.providerName(), course.description(),
                course.format(), course.scope(), course.specialty(),
                new CourseEvent.Credit(credit.amount(), credit.unit(),
                        credit.categories().stream().map(part -> new CategoryValue(part.category(), part.value())).toList(),
                        credit.contactMinutes()),
                approval == null ? null : new CourseEvent.CourseApproval(approval.body(), approval.number(), approval.validFrom(),
                        approval.validTo()),
                new CourseEvent.Fee(course.fee().model(), course.fee().amount(), course.fee().currency()), course.refundPolicy(),
                course.rationale(), course.learningOutcomes(), course.instructorCredentials(), course.instructionalMethods(),
                course.status(), course.publishedAt(), course.retiredOn(),
                new CourseEvent.Quality(course.quality().score(), course.quality().findings().stream()
                        .map(finding -> new CourseEvent.Finding(finding.criterion(), finding.met(), finding.reason(), finding.weight()))
                        .toList(), course.quality().flags()),
                course.version(), course.createdAt(), course.updatedAt());
    }
}
