package org.recert.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recert.contracts.Topics;
import org.recert.contracts.CourseEvent;
import org.recert.devstack.test.PublishedSchemas;
import org.recert.catalog.events.CourseEvents;
import org.recert.devstack.test.TopicProbe;
import org.recert.platform.security.DevTokens;

/** Every publish, change of a published course and retirement goes out on catalog.course.v1; nothing else does. */
@QuarkusTest
class CourseEventsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    DevTokens tokens;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    EntityManager entityManager;

    private CatalogApi api;
    private UUID providerId;

    @BeforeEach
    void setUp() {
        api = new CatalogApi(tokens);
        providerId = api.newProvider("Events Academy");
    }

    @Test
    void shouldAnnounceAPublishedCourseAsAWholeCourseCloudEvent() throws Exception {
        UUID id = api.published(CatalogApi.courseBody(providerId, "Infection control in the clinic"));

        TopicProbe.Message message = eventsOf(id, 1).get(0);

        assertThat(message.key()).isEqualTo(id.toString());
        assertThat(message.header("ce_type")).isEqualTo(CourseEvent.PUBLISHED);
        assertThat(message.header("ce_specversion")).isEqualTo("1.0");
        assertThat(message.header("ce_source")).isEqualTo("/recert/catalog");
        assertThat(message.header("ce_id")).isNotBlank();
        assertThat(message.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
        JsonNode course = objectMapper.readTree(message.value());
        assertThat(course.path("id").asText()).isEqualTo(id.toString());
        assertThat(course.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(course.path("version").asLong()).isEqualTo(2);
        assertThat(course.path("providerId").asText()).isEqualTo(providerId.toString());
        assertThat(course.path("providerName").asText()).startsWith("Events Academy");
        assertThat(course.path("credit").path("unit").asText()).isEqualTo("AAMA_CEU");
        assertThat(course.path("credit").path("categories")).hasSize(2);
        assertThat(course.path("approval").path("body").asText()).isEqualTo("AAMA");
        assertThat(course.path("fee").path("model").asText()).isEqualTo("PER_COURSE");
        assertThat(course.path("quality").path("score").asInt()).isEqualTo(100);
        assertThat(course.path("quality").path("findings")).hasSize(6);
        assertThat(course.has("retiredOn")).isTrue();
        assertThat(course.path("updatedAt").asText()).isNotBlank();
        PublishedSchemas.assertValid("events/catalog.course.v1.schema.json", message.value());
    }

    @Test
    void shouldAnnounceChangesAndRetirementButNeitherDraftsNorRefusedWrites() throws Exception {
        UUID id = api.draft(CatalogApi.courseBody(providerId, "Patient intake essentials"));
        api.as(api.curator()).header("If-Match", "\"1\"").body(CatalogApi.courseBody(providerId, "Patient intake, draft 2"))
                .put(CatalogApi.COURSES + "/" + id).then().statusCode(200);
        api.as(api.curator()).post(CatalogApi.COURSES + "/" + id + "/publish").then().statusCode(200);

        Map<String, Object> refused = CatalogApi.courseBody(providerId, "Refused change");
        refused.put("fee", Map.of("model", "FREE", "amount", 10));
        api.as(api.curator()).header("If-Match", "\"3\"").body(refused).put(CatalogApi.COURSES + "/" + id).then().statusCode(400);
        api.as(api.curator()).header("If-Match", "\"2\"").body(CatalogApi.courseBody(providerId, "Stale change"))
                .put(CatalogApi.COURSES + "/" + id).then().statusCode(412);
        api.as(api.provider(providerId)).header("If-Match", "\"3\"").body(CatalogApi.courseBody(providerId, "Provider's change"))
                .put(CatalogApi.COURSES + "/" + id).then().statusCode(403);
        api.as(api.curator()).post(CatalogApi.COURSES + "/" + id + "/publish").then().statusCode(409);

        api.as(api.curator()).header("If-Match", "\"3\"").body(CatalogApi.courseBody(providerId, "Patient intake essentials, 2nd edition"))
                .put(CatalogApi.COURSES + "/" + id).then().statusCode(200);
        api.as(api.curator()).post(CatalogApi.COURSES + "/" + id + "/retire").then().statusCode(200);

        List<TopicProbe.Message> events = eventsOf(id, 3);
        assertThat(events).extracting(m -> m.header("ce_type"))
                .containsExactly(CourseEvent.PUBLISHED, CourseEvent.UPDATED, CourseEvent.RETIRED);
        List<JsonNode> courses = events.stream().map(this::json).toList();
        assertThat(courses).extracting(c -> c.path("version").asLong()).containsExactly(3L, 4L, 5L);
        assertThat(courses.get(0).path("title").asText()).isEqualTo("Patient intake, draft 2");
        assertThat(courses.get(1).path("title").asText()).isEqualTo("Patient intake essentials, 2nd edition");
        assertThat(courses.get(2).path("status").asText()).isEqualTo("RETIRED");
        assertThat(courses.get(2).path("retiredOn").asText()).isNotBlank();
        assertThat(events).allMatch(m -> m.partition() == events.get(0).partition());
        for (TopicProbe.Message event : events) {
            PublishedSchemas.assertValid("events/catalog.course.v1.schema.json", event.value());
        }
    }

    @Test
    void shouldReannounceThePublishedCoursesOfARenamedProvider() {
        UUID published = api.published(CatalogApi.courseBody(providerId, "Electronic health records"));
        UUID draft = api.draft(CatalogApi.courseBody(providerId, "Draft under the old name"));
        String newName = "Events Academy Online " + UUID.randomUUID().toString().substring(0, 6);

        api.as(api.curator()).header("If-Match", "\"1\"").body(CatalogApi.providerBody(newName)).put(CatalogApi.PROVIDERS + "/" + providerId)
                .then().statusCode(200);

        List<TopicProbe.Message> events = eventsOf(published, 2);
        assertThat(events.get(1).header("ce_type")).isEqualTo(CourseEvent.UPDATED);
        assertThat(json(events.get(1)).path("providerName").asText()).isEqualTo(newName);
        api.get(api.curator(), draft).then().statusCode(200).body("providerName", org.hamcrest.Matchers.equalTo(newName));
        assertThat(outboxRowsOf(draft)).isZero();
    }

    private long outboxRowsOf(UUID courseId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from outbox_event where event_key = ?1")
                .setParameter(1, courseId.toString()).getSingleResult()).longValue());
    }

    /** The course's events once {@code count} are there, and proof that no more followed the last of them. */
    private List<TopicProbe.Message> eventsOf(UUID courseId, int count) {
        String key = courseId.toString();
        List<TopicProbe.Message> all = TopicProbe.readUntil(Topics.CATALOG_COURSE, PATIENCE,
                messages -> messages.stream().filter(m -> key.equals(m.key())).count() >= count);
        List<TopicProbe.Message> mine = all.stream().filter(m -> key.equals(m.key())).toList();
        assertThat(mine).hasSize(count);
        return mine;
    }

    private JsonNode json(TopicProbe.Message message) {
        try {
            return objectMapper.readTree(message.value());
        } catch (Exception e) {
            throw new AssertionError("event value is not JSON: " + message.value(), e);
        }
    }
}
