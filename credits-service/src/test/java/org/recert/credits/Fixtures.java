package org.recert.credits;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.recert.contracts.ApprovalBody;
import org.recert.contracts.Category;
import org.recert.contracts.CategoryValue;
import org.recert.contracts.CourseEvent;
import org.recert.contracts.CourseFormat;
import org.recert.contracts.CourseScope;
import org.recert.contracts.CourseStatus;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.EventContract;
import org.recert.contracts.FeeModel;
import org.recert.contracts.QualityCriterion;
import org.recert.contracts.Topics;
import org.recert.devstack.test.TopicProbe;
import org.recert.platform.security.DevTokens;

/** What the tests of this module share: tokens, request bodies, catalog courses fed through Kafka, row counts. */
public final class Fixtures {

    public static final Duration PATIENCE = Duration.ofSeconds(60);
    public static final String PROVIDER = "11111111-1111-4111-8111-111111111111";
    public static final String OTHER_PROVIDER = "33333333-3333-4333-8333-333333333333";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String learner(DevTokens tokens, String subject) {
        return tokens.mint(subject, Set.of("learner"), null, null, Duration.ofMinutes(10));
    }

    public static String admin(DevTokens tokens) {
        return tokens.mint("ops", Set.of("admin"), null, null, Duration.ofMinutes(10));
    }

    public static String provider(DevTokens tokens, String providerId) {
        return tokens.mint("prov-ann", Set.of("provider"), null, providerId, Duration.ofMinutes(10));
    }

    public static String withRole(DevTokens tokens, String role) {
        return tokens.mint("someone-" + role, Set.of(role), role.equals("employer") ? "22222222-2222-4222-8222-222222222222" : null,
                null, Duration.ofMinutes(10));
    }

    /** A valid self-reported AAMA credit: 2 AAMA CEU, clinical, 120 minutes. */
    public static Map<String, Object> aamaCredit(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("activityType", "ONLINE_WORKSHOP");
        body.put("title", title);
        body.put("providerName", "AAMA e-Learning Center");
        body.put("courseId", null);
        body.put("completedOn", "2025-05-01");
        body.put("amount", Map.of("value", 2, "unit", "AAMA_CEU"));
        body.put("categories", List.of(Map.of("category", "CLINICAL", "value", 2)));
        body.put("approval", "AAMA");
        body.put("contactMinutes", 120);
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    /** Publishes a course on catalog.course.v1 as the catalog would, and waits until the read model has this version. */
    public static void publishCourse(EntityManager entityManager, String type, String courseId, String providerId, long version,
            String status, LocalDate retiredOn, boolean aama) {
        sendCourse(type, courseId, providerId, version, status, retiredOn, aama);
        await().atMost(PATIENCE).until(() -> count(entityManager,
                "select count(*) from course where id = '" + courseId + "' and version >= " + version) == 1);
    }

    /** Publishes a course event without waiting; returns its CloudEvents id. */
    public static String sendCourse(String type, String courseId, String providerId, long version, String status, LocalDate retiredOn,
            boolean aama) {
        return sendCourse(type, courseId, EventContract.CATALOG_COURSE.write(course(courseId, providerId, version, status, retiredOn, aama)));
    }

    /** Publishes the data of a course event as it is, valid or not, without waiting; returns its CloudEvents id. */
    public static String sendCourse(String type, String courseId, JsonNode data) {
        String eventId = UUID.randomUUID().toString();
        try {
            TopicProbe.send(Topics.CATALOG_COURSE, courseId, JSON.writeValueAsBytes(data), Map.of(
                    "ce_id", eventId, "ce_specversion", "1.0", "ce_type", type,
                    "ce_source", "/recert/catalog", "content-type", "application/json"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    /** A course as the catalog publishes it: 2 AAMA CEU, 1.5 clinical and 0.5 general, 100 minutes, free. */
    public static CourseEvent course(String courseId, String providerId, long version, String status, LocalDate retiredOn, boolean aama) {
        List<CourseEvent.Finding> findings = Arrays.stream(QualityCriterion.values())
                .map(criterion -> new CourseEvent.Finding(criterion, true, "stated", null)).toList();
        return new CourseEvent(UUID.fromString(courseId), "Course " + courseId.substring(0, 8), UUID.fromString(providerId),
                "AAMA e-Learning Center", null, CourseFormat.ONLINE_WORKSHOP, CourseScope.GENERAL, null,
                new CourseEvent.Credit(new BigDecimal("2"), CreditUnit.AAMA_CEU, List.of(
                        new CategoryValue(Category.CLINICAL, new BigDecimal("1.5")), new CategoryValue(Category.GENERAL, new BigDecimal("0.5"))), 100),
                aama ? new CourseEvent.CourseApproval(ApprovalBody.AAMA, "AAMA-12345", LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31)) : null,
                new CourseEvent.Fee(FeeModel.FREE, BigDecimal.ZERO, "USD"), null, null, List.of(), null, List.of(),
                CourseStatus.valueOf(status), null, retiredOn, new CourseEvent.Quality(100, findings, List.of()), version, null,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    public static long count(EntityManager entityManager, String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
