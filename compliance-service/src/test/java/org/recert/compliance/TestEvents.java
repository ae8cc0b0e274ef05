package org.recert.compliance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.recert.devstack.test.TopicProbe;

/** Sends credits and catalog events as their services would (CloudEvents binary mode), and reads status events. */
public final class TestEvents {

    public static final String CREDITS = "credits.ledger.v1";
    public static final String COURSES = "catalog.course.v1";
    public static final String STATUS = "compliance.status.v1";
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private TestEvents() {
    }

    /** A credit after a change, as credits.ledger.v1 carries it (docs/contracts.md). */
    public static String credit(String id, String learnerId, int version, String status, String activityType, String completedOn,
            String value, String unit, String category, String approval, Integer contactMinutes, String courseId) {
        return """
                {"id":"%s","learnerId":"%s","activityType":"%s","title":"Course %s","providerName":"Provider",
                 "courseId":%s,"completedOn":"%s","amount":{"value":%s,"unit":"%s"},
                 "categories":[{"category":"%s","value":%s}],"approval":"%s","contactMinutes":%s,
                 "evidence":null,"source":"LEARNER_REPORTED","status":"%s","version":%d,
                 "recordedAt":"2026-01-01T00:00:00Z","reason":null}"""
                .formatted(id, learnerId, activityType, id, courseId == null ? "null" : "\"" + courseId + "\"", completedOn, value, unit,
                        category, value, approval, contactMinutes == null ? "null" : contactMinutes.toString(), status, version);
    }

    /** AAMA CEUs in one category. */
    public static String aamaCredit(String id, String learnerId, int version, String status, String completedOn, String ceus,
            String category) {
        return credit(id, learnerId, version, status, "ONLINE_WORKSHOP", completedOn, ceus, "AAMA_CEU", category, "AAMA",
                Integer.parseInt(ceus.replace(".0", "")) * 50, null);
    }

    public static void sendCredit(String learnerId, String type, String json) {
        TopicProbe.send(CREDITS, learnerId, json.getBytes(StandardCharsets.UTF_8), headers(type, "/recert/credits"));
    }

    /** A published course, as catalog.course.v1 carries it. */
    public static String course(String id, int version, String status, String title, String providerId, String feeModel, String fee,
            String ceus, String category, boolean aama, int minutes) {
        return """
                {"id":"%s","title":"%s","providerId":"%s","providerName":"Provider %s","description":"...",
                 "format":"ONLINE_WORKSHOP","scope":"GENERAL","specialty":null,
                 "credit":{"amount":%s,"unit":"%s","categories":[{"category":"%s","value":%s}],"contactMinutes":%d},
                 "approval":%s,
                 "fee":{"model":"%s","amount":%s,"currency":"USD"},
                 "status":"%s","retiredOn":null,"version":%d,"updatedAt":"2026-01-01T00:00:00Z"}"""
                .formatted(id, title, providerId, providerId, ceus, aama ? "AAMA_CEU" : "CONTACT_HOUR", category, ceus, minutes,
                        aama ? "{\"body\":\"AAMA\",\"number\":\"AAMA-1\",\"validFrom\":\"2025-01-01\",\"validTo\":\"2030-12-31\"}" : "null",
                        feeModel, fee, status, version);
    }

    public static void sendCourse(String courseId, String type, String json) {
        TopicProbe.send(COURSES, courseId, json.getBytes(StandardCharsets.UTF_8), headers(type, "/recert/catalog"));
    }

    private static Map<String, String> headers(String type, String source) {
        return Map.of("ce_id", UUID.randomUUID().toString(), "ce_specversion", "1.0", "ce_type", type, "ce_source", source,
                "content-type", "application/json");
    }

    /** Status events of a learner, in order, once {@code count} of them are there. */
    public static List<TopicProbe.Message> statusEvents(String learnerId, int count) {
        return TopicProbe.readUntil(STATUS, PATIENCE, all -> all.stream().filter(m -> learnerId.equals(m.key())).count() >= count)
                .stream().filter(m -> learnerId.equals(m.key())).toList();
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
