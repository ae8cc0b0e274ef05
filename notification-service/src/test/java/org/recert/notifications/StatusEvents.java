package org.recert.notifications;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.recert.devstack.test.PublishedSchemas;
import org.recert.devstack.test.TopicProbe;

/** compliance.status.v1 events as the compliance service publishes them, checked against docs/events before they are sent. */
final class StatusEvents {

    static final String TOPIC = "compliance.status.v1";
    static final String CREDENTIAL = "CMA_AAMA";

    private StatusEvents() {
    }

    /**
     * A learner's CMA (AAMA) status: certified on {@code cycleStart}, due {@code dueDate}, short {@code clinicalShortfall}
     * clinical points; in the shape published before requirements carried their kind.
     */
    static String status(String learnerId, String oldStatus, String newStatus, LocalDate asOf, LocalDate cycleStart, LocalDate dueDate,
            LocalDate applyBy, int clinicalShortfall) {
        return status(learnerId, oldStatus, newStatus, asOf, cycleStart, dueDate, applyBy, clinicalShortfall, false);
    }

    /** The same status as compliance publishes it now: each requirement with its kind and the category it names. */
    static String statusWithKinds(String learnerId, String oldStatus, String newStatus, LocalDate asOf, LocalDate cycleStart,
            LocalDate dueDate, LocalDate applyBy, int clinicalShortfall) {
        return status(learnerId, oldStatus, newStatus, asOf, cycleStart, dueDate, applyBy, clinicalShortfall, true);
    }

    private static String status(String learnerId, String oldStatus, String newStatus, LocalDate asOf, LocalDate cycleStart,
            LocalDate dueDate, LocalDate applyBy, int clinicalShortfall, boolean withKinds) {
        boolean met = clinicalShortfall == 0;
        String applyByField = applyBy == null ? "" : ",\"applyBy\":\"" + applyBy + "\"";
        String json = """
                {"learnerId":"%1$s","credential":"%2$s","oldStatus":"%3$s","newStatus":"%4$s",
                 "evaluation":{"learnerId":"%1$s","credential":"%2$s","credentialName":"CMA (AAMA)","asOf":"%5$s","status":"%4$s",
                  "certifiedOn":"%6$s","cycleStart":"%6$s","dueDate":"%7$s","graceEnd":"%8$s","daysRemaining":%9$d,
                  "requirementsMet":%10$s,
                  "requirements":[{"code":"TOTAL","required":60,"earned":%11$d,"shortfall":%12$d%15$s},
                                  {"code":"CLINICAL","required":10,"earned":%13$d,"shortfall":%12$d%16$s}],
                  "counted":[],"excluded":[],"reasons":["status %4$s"],"nextStatusChangeOn":null%14$s}}"""
                .formatted(learnerId, CREDENTIAL, oldStatus, newStatus, asOf, cycleStart, dueDate, dueDate.plusDays(90),
                        java.time.temporal.ChronoUnit.DAYS.between(asOf, dueDate), met, 60 - clinicalShortfall, clinicalShortfall,
                        10 - clinicalShortfall, applyByField, withKinds ? ",\"kind\":\"TOTAL\"" : "",
                        withKinds ? ",\"kind\":\"CATEGORY_MINIMUM\",\"category\":\"CLINICAL\"" : "");
        PublishedSchemas.assertValid("events/compliance.status.v1.schema.json", json);
        return json;
    }

    /** Publishes an event with a new id; returns the id. */
    static String publish(String learnerId, String json) {
        String id = UUID.randomUUID().toString();
        publish(learnerId, json, id);
        return id;
    }

    /** Publishes an event under a given id: the same id again is a redelivery. */
    static void publish(String learnerId, String json, String eventId) {
        TopicProbe.send(TOPIC, learnerId, json.getBytes(StandardCharsets.UTF_8), Map.of("ce_id", eventId, "ce_specversion", "1.0",
                "ce_type", "ComplianceStatusChanged", "ce_source", "/recert/compliance", "content-type", "application/json"));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
