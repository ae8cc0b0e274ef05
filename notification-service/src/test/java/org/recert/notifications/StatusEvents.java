package org.recert.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.recert.contracts.Category;
import org.recert.contracts.ComplianceStatus;
import org.recert.contracts.EventContract;
import org.recert.contracts.RequirementKind;
import org.recert.contracts.StatusEvent;
import org.recert.devstack.test.TopicProbe;

/** compliance.status.v1 events built from the contract's {@link StatusEvent}, checked against docs/events before they are sent. */
final class StatusEvents {

    static final String TOPIC = EventContract.COMPLIANCE_STATUS.topic();
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
        ComplianceStatus status = ComplianceStatus.valueOf(newStatus);
        BigDecimal shortfall = BigDecimal.valueOf(clinicalShortfall);
        BigDecimal total = BigDecimal.valueOf(60);
        StatusEvent.Requirement totalRequirement = withKinds
                ? new StatusEvent.Requirement("TOTAL", total, total.subtract(shortfall), shortfall, RequirementKind.TOTAL, null, null, null)
                : new StatusEvent.Requirement("TOTAL", total, total.subtract(shortfall), shortfall);
        StatusEvent.Requirement clinical = withKinds
                ? new StatusEvent.Requirement("CLINICAL", BigDecimal.TEN, BigDecimal.TEN.subtract(shortfall), shortfall,
                        RequirementKind.CATEGORY_MINIMUM, Category.CLINICAL, null, null)
                : new StatusEvent.Requirement("CLINICAL", BigDecimal.TEN, BigDecimal.TEN.subtract(shortfall), shortfall);
        StatusEvent.Evaluation evaluation = new StatusEvent.Evaluation(learnerId, CREDENTIAL, "CMA (AAMA)", null, asOf, status,
                cycleStart, cycleStart, dueDate, dueDate.plusDays(90), applyBy, (int) ChronoUnit.DAYS.between(asOf, dueDate),
                clinicalShortfall == 0, List.of(totalRequirement, clinical), List.of(), List.of(), List.of("status " + newStatus), null);
        JsonNode data = EventContract.COMPLIANCE_STATUS.write(
                new StatusEvent(learnerId, CREDENTIAL, ComplianceStatus.valueOf(oldStatus), status, evaluation));
        assertThat(EventContract.COMPLIANCE_STATUS.problems(data)).as("the fixture against docs/events").isEmpty();
        return data.toString();
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
                "ce_type", StatusEvent.CHANGED, "ce_source", "/recert/compliance", "content-type", "application/json"));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
