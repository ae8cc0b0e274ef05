package org.recert.catalog.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.recert.catalog.domain.Course;
import org.recert.platform.events.Outbox;

/** The events of {@code catalog.course.v1}: key courseId, data the whole course (docs/contracts.md). */
@ApplicationScoped
public class CourseEvents {

    public static final String TOPIC = "catalog.course.v1";
    public static final String PUBLISHED = "CoursePublished";
    public static final String UPDATED = "CourseUpdated";
    public static final String RETIRED = "CourseRetired";

    private final Outbox outbox;

    public CourseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void published(Course course) {
        outbox.publish(TOPIC, course.id().toString(), PUBLISHED, course);
    }

    public void updated(Course course) {
        outbox.publish(TOPIC, course.id().toString(), UPDATED, course);
    }

    public void retired(Course course) {
        outbox.publish(TOPIC, course.id().toString(), RETIRED, course);
    }
}
