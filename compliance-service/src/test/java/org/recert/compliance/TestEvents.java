package org.recert.compliance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.recert.contracts.ActivityType;
import org.recert.contracts.Approval;
import org.recert.contracts.ApprovalBody;
import org.recert.contracts.Category;
import org.recert.contracts.CategoryValue;
import org.recert.contracts.CourseEvent;
import org.recert.contracts.CourseFormat;
import org.recert.contracts.CourseScope;
import org.recert.contracts.CourseStatus;
import org.recert.contracts.CreditSource;
import org.recert.contracts.CreditStatus;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.EventContract;
import org.recert.contracts.FeeModel;
import org.recert.contracts.LedgerEvent;
import org.recert.contracts.QualityCriterion;
import org.recert.contracts.Topics;
import org.recert.devstack.test.TopicProbe;

/** Sends credits and catalog events as their services would (CloudEvents binary mode), and reads status events. */
public final class TestEvents {

    public static final String CREDITS = Topics.CREDITS_LEDGER;
    public static final String COURSES = Topics.CATALOG_COURSE;
    public static final String STATUS = Topics.COMPLIANCE_STATUS;
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private TestEvents() {
    }

    /**
     * A credit after a change, as credits.ledger.v1 carries it, built from the contract's record. The credit's name becomes
     * its id through {@link #id}. A unit the contract does not know is written as given: a malformed event for DLQ tests.
     */
    public static String credit(String name, String learnerId, int version, String status, String activityType, String completedOn,
            String value, String unit, String category, String approval, Integer contactMinutes, String courseId) {
        boolean knownUnit = Arrays.stream(CreditUnit.values()).anyMatch(known -> known.name().equals(unit));
        LedgerEvent credit = new LedgerEvent(id(name), learnerId, ActivityType.valueOf(activityType), "Course " + name, "Provider",
                courseId == null ? null : id(courseId), LocalDate.parse(completedOn),
                new LedgerEvent.Amount(new BigDecimal(value), knownUnit ? CreditUnit.valueOf(unit) : CreditUnit.CONTACT_HOUR),
                List.of(new CategoryValue(Category.valueOf(category), new BigDecimal(value))), Approval.valueOf(approval), contactMinutes,
                null, CreditSource.LEARNER_REPORTED, null, CreditStatus.valueOf(status), version, Instant.parse("2026-01-01T00:00:00Z"),
                null, null);
        ObjectNode json = (ObjectNode) EventContract.CREDITS_LEDGER.write(credit);
        if (!knownUnit) {
            ((ObjectNode) json.get("amount")).put("unit", unit);
        }
        return json.toString();
    }

    /** The id of the credit or course the tests call {@code name}: a UUID, as the contract requires, the same for the same name. */
    public static UUID id(String name) {
        try {
            return UUID.fromString(name);
        } catch (IllegalArgumentException notAUuid) {
            return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** AAMA CEUs in one category. */
    public static String aamaCredit(String name, String learnerId, int version, String status, String completedOn, String ceus,
            String category) {
        return credit(name, learnerId, version, status, "ONLINE_WORKSHOP", completedOn, ceus, "AAMA_CEU", category, "AAMA",
                Integer.parseInt(ceus.replace(".0", "")) * 50, null);
    }

    public static void sendCredit(String learnerId, String type, String json) {
        TopicProbe.send(CREDITS, learnerId, json.getBytes(StandardCharsets.UTF_8), headers(type, "/recert/credits"));
    }

    /** A published course, as catalog.course.v1 carries it, built from the contract's record; {@code name} becomes its id. */
    public static String course(String name, int version, String status, String title, String providerId, String feeModel, String fee,
            String ceus, String category, boolean aama, int minutes) {
        List<CourseEvent.Finding> findings = Arrays.stream(QualityCriterion.values())
                .map(criterion -> new CourseEvent.Finding(criterion, true, "stated", null)).toList();
        CourseEvent course = new CourseEvent(id(name), title, id(providerId), "Provider " + providerId, "...", CourseFormat.ONLINE_WORKSHOP,
                CourseScope.GENERAL, null,
                new CourseEvent.Credit(new BigDecimal(ceus), aama ? CreditUnit.AAMA_CEU : CreditUnit.CONTACT_HOUR,
                        List.of(new CategoryValue(Category.valueOf(category), new BigDecimal(ceus))), minutes),
                aama ? new CourseEvent.CourseApproval(ApprovalBody.AAMA, "AAMA-1", LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31)) : null,
                new CourseEvent.Fee(FeeModel.valueOf(feeModel), new BigDecimal(fee), "USD"), null, null, null, null, null,
                CourseStatus.valueOf(status), null, null, new CourseEvent.Quality(100, findings, List.of()), version, null,
                Instant.parse("2026-01-01T00:00:00Z"));
        return EventContract.CATALOG_COURSE.write(course).toString();
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
