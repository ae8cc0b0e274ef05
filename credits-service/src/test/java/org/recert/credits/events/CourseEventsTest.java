package org.recert.credits.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.recert.contracts.EventContract;
import org.recert.contracts.Topics;
import org.recert.credits.Fixtures;
import org.recert.devstack.test.TopicProbe;

@QuarkusTest
class CourseEventsTest {

    @Inject
    EntityManager entityManager;

    @Test
    void shouldKeepTheHighestVersionOfACourse() {
        String course = UUID.randomUUID().toString();
        Fixtures.publishCourse(entityManager, "CoursePublished", course, Fixtures.PROVIDER, 1, "PUBLISHED", null, true);
        Fixtures.publishCourse(entityManager, "CourseRetired", course, Fixtures.PROVIDER, 3, "RETIRED", LocalDate.of(2025, 6, 1), true);
        String stale = Fixtures.sendCourse("CourseUpdated", course, Fixtures.PROVIDER, 2, "PUBLISHED", null, false);
        await().atMost(Fixtures.PATIENCE).until(() -> Fixtures.count(entityManager,
                "select count(*) from processed_event where event_id = '" + stale + "'") == 1);

        assertThat(Fixtures.count(entityManager, "select count(*) from course where id = '" + course
                + "' and version = 3 and status = 'RETIRED' and retired_on = date '2025-06-01' and approval_body = 'AAMA'")).isEqualTo(1);
    }

    @Test
    void shouldParkAnUnreadableCourseEventAndGoOn() {
        String broken = UUID.randomUUID().toString();
        TopicProbe.send(Topics.CATALOG_COURSE, broken, Fixtures.utf8("{\"id\":\"" + broken + "\",\"title\":\"no credit\"}"),
                Map.of("ce_id", UUID.randomUUID().toString(), "ce_specversion", "1.0", "ce_type", "CoursePublished",
                        "ce_source", "/recert/catalog", "content-type", "application/json"));
        String next = UUID.randomUUID().toString();
        Fixtures.publishCourse(entityManager, "CoursePublished", next, Fixtures.PROVIDER, 1, "PUBLISHED", null, true);

        List<TopicProbe.Message> parked = TopicProbe.readUntil(Topics.CATALOG_COURSE + ".dlq", Fixtures.PATIENCE,
                all -> all.stream().anyMatch(m -> broken.equals(m.key())))
                .stream().filter(m -> broken.equals(m.key())).toList();
        assertThat(parked.get(0).header("recert-dlq-error")).contains("credit");
        await().atMost(Fixtures.PATIENCE).until(() -> Fixtures.count(entityManager,
                "select count(*) from course where id = '" + next + "'") == 1);
        assertThat(Fixtures.count(entityManager, "select count(*) from course where id = '" + broken + "'")).isZero();
    }

    @Test
    void shouldParkACourseEventWithoutFormatOrStatusInsteadOfFillingThemIn() {
        String course = UUID.randomUUID().toString();
        ObjectNode data = (ObjectNode) EventContract.CATALOG_COURSE.write(
                Fixtures.course(course, Fixtures.PROVIDER, 1, "RETIRED", null, true));
        data.remove(List.of("format", "status"));

        Fixtures.sendCourse("CourseRetired", course, data);

        List<TopicProbe.Message> parked = TopicProbe.readUntil(Topics.CATALOG_COURSE + ".dlq", Fixtures.PATIENCE,
                all -> all.stream().anyMatch(m -> course.equals(m.key())))
                .stream().filter(m -> course.equals(m.key())).toList();
        assertThat(parked.get(0).header("recert-dlq-error")).contains("format");
        assertThat(Fixtures.count(entityManager, "select count(*) from course where id = '" + course + "'")).isZero();
    }
}
