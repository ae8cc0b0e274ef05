package org.recert.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The records and the published schemas accept and refuse the same documents: every record built here serialises to a
 * document its schema accepts and reads back equal; every document the schema refuses, the one parser refuses too; the
 * enums hold exactly the values the schemas list.
 */
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> validEvents() {
        return Stream.of(
                Arguments.of(EventContract.CATALOG_COURSE, Examples.fullCourse()),
                Arguments.of(EventContract.CATALOG_COURSE, Examples.minimalCourse()),
                Arguments.of(EventContract.CREDITS_LEDGER, Examples.fullCredit()),
                Arguments.of(EventContract.CREDITS_LEDGER, Examples.minimalCredit()),
                Arguments.of(EventContract.COMPLIANCE_STATUS, Examples.fullStatus()),
                Arguments.of(EventContract.COMPLIANCE_STATUS, Examples.minimalStatus()),
                Arguments.of(EventContract.COMPLIANCE_ROSTER, Examples.fullRoster()),
                Arguments.of(EventContract.COMPLIANCE_ROSTER, Examples.minimalRoster()));
    }

    @ParameterizedTest
    @MethodSource("validEvents")
    <T> void shouldWriteEveryRecordAsADocumentItsSchemaAcceptsAndReadItBack(EventContract<T> contract, T event) {
        JsonNode written = contract.write(event);

        assertThat(contract.problems(written)).as(written.toString()).isEmpty();
        assertSame(contract.read(written), event);
    }

    @ParameterizedTest
    @MethodSource("validEvents")
    <T> void shouldRefuseTheDocumentWithoutAnyOneRequiredField(EventContract<T> contract, T event) throws IOException {
        ObjectNode written = (ObjectNode) contract.write(event);
        for (JsonNode required : schema(contract).path("required")) {
            ObjectNode broken = written.deepCopy();
            broken.remove(required.asText());

            assertThat(contract.problems(broken)).as("without " + required).isNotEmpty();
            assertThatThrownBy(() -> contract.read(broken)).as("without " + required).isInstanceOf(MalformedEvent.class);
        }
    }

    @Test
    void shouldRefuseCourseDocumentsTheSchemaRefuses() {
        for (Consumer<ObjectNode> breakage : List.<Consumer<ObjectNode>>of(
                course -> course.put("status", "DRAFT"),
                course -> course.put("format", "CONTINUED_EMPLOYMENT"),
                course -> course.put("version", 0),
                course -> course.put("id", "not-a-uuid"),
                course -> course.put("retiredOn", "yesterday"),
                course -> ((ObjectNode) course.path("credit")).put("amount", 0),
                course -> ((ObjectNode) course.path("credit")).remove("contactMinutes"),
                course -> ((ObjectNode) course.path("credit")).putArray("categories"),
                course -> ((ObjectNode) course.path("fee")).put("currency", "dollars"),
                course -> ((ObjectNode) course.path("approval")).put("body", "ACCME"))) {
            assertRefused(EventContract.CATALOG_COURSE, Examples.fullCourse(), breakage);
        }
    }

    @Test
    void shouldRefuseCreditDocumentsTheSchemaRefuses() {
        for (Consumer<ObjectNode> breakage : List.<Consumer<ObjectNode>>of(
                credit -> credit.put("learnerId", "has spaces"),
                credit -> credit.put("approval", "ACCME"),
                credit -> credit.put("completedOn", "2025-13-01"),
                credit -> credit.put("status", "DELETED"),
                credit -> credit.put("verification", "TRUSTED"),
                credit -> credit.putNull("verification"),
                credit -> ((ObjectNode) credit.path("amount")).put("value", -1),
                credit -> ((ObjectNode) credit.path("amount")).put("unit", "HOUR"),
                credit -> ((ObjectNode) credit.path("evidence")).put("sha256", "xyz"),
                credit -> credit.putArray("categories"))) {
            assertRefused(EventContract.CREDITS_LEDGER, Examples.fullCredit(), breakage);
        }
    }

    @Test
    void shouldRefuseStatusDocumentsTheSchemaRefuses() {
        for (Consumer<ObjectNode> breakage : List.<Consumer<ObjectNode>>of(
                status -> status.put("credential", "cma"),
                status -> status.put("newStatus", "OK"),
                status -> status.putNull("evaluation"),
                status -> ((ObjectNode) status.path("evaluation")).put("asOf", "today"),
                status -> ((ObjectNode) status.path("evaluation")).remove("dueDate"),
                status -> ((ObjectNode) status.path("evaluation")).put("daysRemaining", "soon"),
                status -> ((ObjectNode) status.path("evaluation").path("requirements").get(0)).put("shortfall", -1),
                status -> ((ObjectNode) status.path("evaluation").path("requirements").get(0)).put("code", "HOURS"),
                status -> ((ObjectNode) status.path("evaluation").path("requirements").get(0)).put("kind", "HOURS"),
                status -> ((ObjectNode) status.path("evaluation").path("requirements").get(1)).remove("category"),
                status -> ((ObjectNode) status.path("evaluation").path("requirements").get(2)).remove("approvingBody"),
                status -> ((ObjectNode) status.path("evaluation").path("requirements").get(3)).put("unit", "HOUR"),
                status -> ((ObjectNode) status.path("evaluation").path("requirements").get(3)).remove("unit"),
                status -> ((ObjectNode) status.path("evaluation").path("excluded").get(0)).put("reason", ""))) {
            assertRefused(EventContract.COMPLIANCE_STATUS, Examples.fullStatus(), breakage);
        }
    }

    @Test
    void shouldRefuseRosterDocumentsTheSchemaRefuses() {
        for (Consumer<ObjectNode> breakage : List.<Consumer<ObjectNode>>of(
                roster -> roster.put("organizationId", "not-a-uuid"),
                roster -> roster.put("learnerId", "has spaces"),
                roster -> roster.put("member", "yes"),
                roster -> roster.putNull("consent"),
                roster -> roster.put("staffRef", ""),
                roster -> roster.put("organizationName", ""))) {
            assertRefused(EventContract.COMPLIANCE_ROSTER, Examples.fullRoster(), breakage);
        }
    }

    @Test
    void shouldAcceptFieldsTheSchemaDoesNotName() {
        ObjectNode course = (ObjectNode) EventContract.CATALOG_COURSE.write(Examples.fullCourse());
        course.put("addedLater", "by a newer producer");

        assertSame(EventContract.CATALOG_COURSE.read(course), Examples.fullCourse());
    }

    @Test
    void shouldReadACreditWrittenBeforeVerificationExistedAsItsSourceAndEvidenceSay() {
        ObjectNode credit = (ObjectNode) EventContract.CREDITS_LEDGER.write(Examples.fullCredit());
        credit.remove("verification");

        assertThat(EventContract.CREDITS_LEDGER.read(credit).vouchedBy()).isEqualTo(Verification.EVIDENCE_ATTACHED);
        assertThat(Examples.minimalCredit().vouchedBy()).isEqualTo(Verification.PROVIDER_REPORTED);
    }

    @Test
    void shouldReadARequirementPublishedBeforeItsKindExisted() {
        ObjectNode status = (ObjectNode) EventContract.COMPLIANCE_STATUS.write(Examples.fullStatus());
        for (JsonNode requirement : status.path("evaluation").path("requirements")) {
            ((ObjectNode) requirement).remove(List.of("kind", "category", "approvingBody", "unit"));
        }

        StatusEvent.Requirement clinical = EventContract.COMPLIANCE_STATUS.read(status).evaluation().requirements().get(1);
        assertThat(clinical.code()).isEqualTo("CLINICAL");
        assertThat(clinical.shortfall()).isEqualByComparingTo("4");
        assertThat(clinical.kind()).isNull();
        assertThat(clinical.category()).isNull();
    }

    @Test
    void shouldHoldExactlyTheValuesTheSchemasList() throws IOException {
        JsonNode course = schema(EventContract.CATALOG_COURSE).path("properties");
        JsonNode credit = schema(EventContract.CREDITS_LEDGER).path("properties");
        JsonNode status = schema(EventContract.COMPLIANCE_STATUS);

        assertThat(values(course.path("format").path("enum"))).containsExactly(names(CourseFormat.values()));
        assertThat(values(course.path("scope").path("enum"))).containsExactly(names(CourseScope.values()));
        assertThat(values(course.path("credit").path("properties").path("unit").path("enum"))).containsExactly(names(CreditUnit.values()));
        assertThat(values(course.path("fee").path("properties").path("model").path("enum"))).containsExactly(names(FeeModel.values()));
        assertThat(values(course.path("quality").path("properties").path("findings").path("items").path("properties").path("criterion").path("enum")))
                .containsExactly(names(QualityCriterion.values()));
        // drafts are a catalog word that never goes out as an event
        assertThat(values(course.path("status").path("enum"))).containsExactly("PUBLISHED", "RETIRED");
        assertThat(names(CourseStatus.values())).containsExactly("DRAFT", "PUBLISHED", "RETIRED");
        assertThat(values(credit.path("activityType").path("enum"))).containsExactly(names(ActivityType.values()));
        assertThat(values(credit.path("amount").path("properties").path("unit").path("enum"))).containsExactly(names(CreditUnit.values()));
        assertThat(values(credit.path("categories").path("items").path("properties").path("category").path("enum")))
                .containsExactly(names(Category.values()));
        assertThat(values(credit.path("approval").path("enum"))).containsExactly(names(Approval.values()));
        assertThat(values(credit.path("source").path("enum"))).containsExactly(names(CreditSource.values()));
        assertThat(values(credit.path("verification").path("enum"))).containsExactly(names(Verification.values()));
        assertThat(values(credit.path("status").path("enum"))).containsExactly(names(CreditStatus.values()));
        assertThat(values(status.path("$defs").path("status").path("enum"))).containsExactly(names(ComplianceStatus.values()));
        JsonNode requirement = status.path("properties").path("evaluation").path("properties").path("requirements").path("items")
                .path("properties");
        assertThat(values(requirement.path("kind").path("enum"))).containsExactly(names(RequirementKind.values()));
        assertThat(values(requirement.path("category").path("enum"))).containsExactly(names(Category.values()));
        assertThat(values(requirement.path("approvingBody").path("enum"))).containsExactly(names(ApprovalBody.values()));
        assertThat(values(requirement.path("unit").path("enum"))).containsExactly(names(CreditUnit.values()));
        // every course format is an activity type of the same name
        assertThat(names(ActivityType.values())).contains(names(CourseFormat.values()));
    }

    /** Equal field by field, numbers by value (2.50 is 2.5). */
    private static void assertSame(Object read, Object expected) {
        assertThat(read).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(expected);
    }

    private static <T> void assertRefused(EventContract<T> contract, T valid, Consumer<ObjectNode> breakage) {
        ObjectNode broken = (ObjectNode) contract.write(valid);
        breakage.accept(broken);

        assertThat(contract.problems(broken)).as(broken.toString()).isNotEmpty();
        assertThatThrownBy(() -> contract.read(broken)).as(broken.toString()).isInstanceOf(MalformedEvent.class);
    }

    private static JsonNode schema(EventContract<?> contract) throws IOException {
        try (InputStream in = EventContract.class.getResourceAsStream("/org/recert/contracts/events/" + contract.topic() + ".schema.json")) {
            return JSON.readTree(in);
        }
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        ((ArrayNode) array).forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String[] names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toArray(String[]::new);
    }
}
