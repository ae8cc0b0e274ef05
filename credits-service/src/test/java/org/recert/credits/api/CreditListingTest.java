package org.recert.credits.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.recert.credits.Fixtures.unique;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.recert.credits.Fixtures;
import org.recert.platform.security.DevTokens;

@QuarkusTest
class CreditListingTest {

    @Inject
    DevTokens tokens;

    @Test
    void shouldFilterByDateCategoryApprovalActivityAndStatus() {
        String learner = unique("learner");
        record(learner, credit("AAMA clinical", "2024-01-10", "ONLINE_WORKSHOP", "2", "AAMA_CEU", "AAMA", Map.of("CLINICAL", 2)));
        record(learner, credit("Seminar admin", "2024-06-10", "SEMINAR", "3", "CONTACT_HOUR", "NON_AAMA", Map.of("ADMINISTRATIVE", 3)));
        String revoked = record(learner, credit("Mistake", "2025-02-01", "SEMINAR", "1", "CONTACT_HOUR", "NON_AAMA", Map.of("GENERAL", 1)));
        as(learner).header("If-Match", "\"1\"").queryParam("reason", "mistake").delete(revoked).then().statusCode(200);

        list(learner, Map.of()).then().statusCode(200).body("items", hasSize(3)).body("nextCursor", nullValue())
                .body("items.title", contains("Mistake", "Seminar admin", "AAMA clinical"));
        list(learner, Map.of("status", "ACTIVE")).then().body("items.title", contains("Seminar admin", "AAMA clinical"));
        list(learner, Map.of("category", "CLINICAL")).then().body("items.title", contains("AAMA clinical"));
        list(learner, Map.of("approval", "NON_AAMA", "status", "ACTIVE")).then().body("items.title", contains("Seminar admin"));
        list(learner, Map.of("activityType", "SEMINAR")).then().body("items.title", contains("Mistake", "Seminar admin"));
        list(learner, Map.of("from", "2024-02-01", "to", "2024-12-31")).then().body("items.title", contains("Seminar admin"));
    }

    @Test
    void shouldRejectBadFiltersNamingThem() {
        String learner = unique("learner");
        list(learner, Map.of("from", "yesterday")).then().statusCode(400).body("field", equalTo("from"));
        list(learner, Map.of("category", "SURGERY")).then().statusCode(400).body("field", equalTo("category"));
        list(learner, Map.of("from", "2025-01-02", "to", "2025-01-01")).then().statusCode(400).body("field", equalTo("to"));
        list(learner, Map.of("limit", "0")).then().statusCode(400).body("field", equalTo("limit"));
        list(learner, Map.of("cursor", "garbage")).then().statusCode(400).body("field", equalTo("cursor"));
        list(learner, Map.of("limit", "many")).then().statusCode(400).body("field", equalTo("limit"));
        list(learner, Map.of("status", "GONE")).then().statusCode(400).body("field", equalTo("status"));
    }

    @Test
    void shouldRefuseACreditIdThatIsNoUuidNamingItRatherThanAnswering404() {
        String learner = unique("learner");
        as(learner).get(CreditRecordingTest.path(learner) + "/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("creditId"));
        as(learner).header("If-Match", "\"1\"").queryParam("reason", "x").delete(CreditRecordingTest.path(learner) + "/42")
                .then().statusCode(400).body("field", equalTo("creditId"));
    }

    @Test
    void shouldAnswerNotModifiedWhenTheClientHoldsTheCurrentVersion() {
        String learner = unique("learner");
        String location = record(learner, credit("Cached", "2024-01-10", "ONLINE_WORKSHOP", "2", "AAMA_CEU", "AAMA", Map.of("CLINICAL", 2)));
        as(learner).header("If-None-Match", "\"1\"").get(location).then().statusCode(304).header("ETag", "\"1\"");
        as(learner).header("If-None-Match", "\"0\"").get(location).then().statusCode(200).header("ETag", "\"1\"")
                .body("title", equalTo("Cached"));
    }

    @Test
    void shouldPageWithACursorWithoutLosingOrRepeatingACredit() {
        String learner = unique("learner");
        List<String> recorded = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            // two credits share each date, so the cursor must order by id as well
            String date = "2025-01-0" + ((i + 1) / 2);
            record(learner, credit("Credit " + i, date, "SEMINAR", "1", "CONTACT_HOUR", "NON_AAMA", Map.of("GENERAL", 1)));
            recorded.add("Credit " + i);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, String> query = cursor == null ? Map.of("limit", "3") : Map.of("limit", "3", "cursor", cursor);
            Response page = list(learner, query);
            page.then().statusCode(200);
            seen.addAll(page.path("items.title"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).containsExactlyInAnyOrderElementsOf(recorded);
    }

    @Test
    void shouldAnswerTheTranscriptWithTotalsByCategoryAndApproval() {
        String learner = unique("learner");
        seedTranscript(learner);
        as(learner).accept(ContentType.JSON).get(transcript(learner)).then().statusCode(200)
                .body("credits", hasSize(3))
                .body("totals.overall.contactHourEquivalent", equalTo(10))
                .body("totals.byApproval.find { it.approval == 'AAMA' }.contactHourEquivalent", equalTo(4))
                .body("totals.byApproval.find { it.approval == 'NON_AAMA' }.contactHourEquivalent", equalTo(6))
                .body("totals.byCategory.find { it.category == 'CLINICAL' }.contactHourEquivalent", equalTo(3))
                .body("totals.byCategory.find { it.category == 'CLINICAL' }.issued.unit", contains("AAMA_CEU", "CONTACT_HOUR", "CPR_CARD"));
        as(learner).accept(ContentType.JSON).queryParam("from", "2025-01-01").get(transcript(learner)).then().statusCode(200)
                .body("credits", hasSize(2));
    }

    @Test
    void shouldPageTheTranscriptOldestFirstWithTheTotalsOfTheWholePeriodOnEveryPage() {
        String learner = unique("learner");
        seedTranscript(learner);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, String> query = cursor == null ? Map.of("limit", "2") : Map.of("limit", "2", "cursor", cursor);
            Response page = as(learner).accept(ContentType.JSON).queryParams(query).get(transcript(learner));
            page.then().statusCode(200).body("totals.overall.contactHourEquivalent", equalTo(10));
            seen.addAll(page.path("credits.completedOn"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(2);
        assertThat(seen).hasSize(3).isSorted();
        as(learner).accept(ContentType.JSON).queryParam("limit", "201").get(transcript(learner)).then().statusCode(400)
                .body("field", equalTo("limit"));
        as(learner).accept(ContentType.JSON).queryParam("cursor", "forged").get(transcript(learner)).then().statusCode(400)
                .body("field", equalTo("cursor"));
    }

    @Test
    void shouldExportATranscriptCsvThatASpreadsheetReadsBackWithTheRightTotals() throws IOException {
        String learner = unique("learner");
        seedTranscript(learner);
        Response csv = as(learner).accept("text/csv").get(transcript(learner));
        csv.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("transcript-" + learner + ".csv"));

        String text = csv.asString();
        assertThat(text).startsWith(TranscriptCsv.BOM);
        List<List<String>> rows = parseCsv(text.substring(1));
        assertThat(rows.get(0)).containsExactlyElementsOf(TranscriptCsv.HEADER);
        List<List<String>> credits = rows.stream().filter(r -> r.get(0).equals("CREDIT")).toList();
        assertThat(credits).hasSize(3);
        assertThat(credits).anySatisfy(r -> assertThat(r.get(4)).isEqualTo("Infection control, \"advanced\""));
        assertThat(credits).anySatisfy(r -> assertThat(r.get(4)).isEqualTo("'=HYPERLINK(\"x\")"));

        int amount = TranscriptCsv.HEADER.indexOf("Amount");
        int clinical = TranscriptCsv.HEADER.indexOf("Clinical");
        int hours = TranscriptCsv.HEADER.indexOf("Contact hour equivalent");
        BigDecimal creditHours = credits.stream().map(r -> r.get(hours)).filter(h -> !h.isEmpty()).map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<String> grand = total(rows, "ALL", TranscriptCsv.CONTACT_HOUR_EQUIVALENT);
        assertThat(new BigDecimal(grand.get(amount))).isEqualByComparingTo(creditHours).isEqualByComparingTo("10");
        assertThat(new BigDecimal(grand.get(clinical))).isEqualByComparingTo("3");
        assertThat(new BigDecimal(total(rows, "AAMA", TranscriptCsv.CONTACT_HOUR_EQUIVALENT).get(amount))).isEqualByComparingTo("4");
        assertThat(new BigDecimal(total(rows, "NON_AAMA", TranscriptCsv.CONTACT_HOUR_EQUIVALENT).get(amount))).isEqualByComparingTo("6");
        assertThat(new BigDecimal(total(rows, "ALL", "CPR_CARD").get(amount))).isEqualByComparingTo("1");
        assertThat(total(rows, "ALL", "CPR_CARD").get(hours)).isEmpty();
        assertThat(new BigDecimal(total(rows, "ALL", "AAMA_CEU").get(clinical))).isEqualByComparingTo("2");
    }

    /** Three active credits (4 AAMA CEU, 6 contact hours, 1 CPR card) and a revoked one. */
    private void seedTranscript(String learner) {
        record(learner, credit("Infection control, \"advanced\"", "2024-05-01", "ONLINE_WORKSHOP", "4", "AAMA_CEU", "AAMA",
                Map.of("CLINICAL", 2, "GENERAL", 2)));
        record(learner, credit("=HYPERLINK(\"x\")", "2025-03-01", "LOCAL_WORKSHOP", "6", "CONTACT_HOUR", "NON_AAMA",
                Map.of("ADMINISTRATIVE", 5, "CLINICAL", 1)));
        record(learner, credit("BLS card", "2025-04-01", "CPR_CERTIFICATION", "1", "CPR_CARD", "NON_AAMA", Map.of("CLINICAL", 1)));
        String revoked = record(learner, credit("Revoked", "2025-04-02", "SEMINAR", "5", "CONTACT_HOUR", "NON_AAMA", Map.of("GENERAL", 5)));
        as(learner).header("If-Match", "\"1\"").queryParam("reason", "not mine").delete(revoked).then().statusCode(200);
    }

    private static List<String> total(List<List<String>> rows, String approval, String unit) {
        int approvalColumn = TranscriptCsv.HEADER.indexOf("Approval");
        int unitColumn = TranscriptCsv.HEADER.indexOf("Unit");
        return rows.stream().filter(r -> r.get(0).equals("TOTAL") && r.get(approvalColumn).equals(approval) && r.get(unitColumn).equals(unit))
                .findFirst().orElseThrow(() -> new AssertionError("no TOTAL row for " + approval + " " + unit));
    }

    private static List<List<String>> parseCsv(String text) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(text)) {
            while (it.hasNext()) {
                String[] row = it.next();
                assertThat(row).hasSize(TranscriptCsv.HEADER.size());
                rows.add(List.of(row));
            }
        }
        return rows;
    }

    private static Map<String, Object> credit(String title, String completedOn, String activity, String amount, String unit,
            String approval, Map<String, Integer> split) {
        List<Map<String, Object>> categories = new ArrayList<>();
        split.forEach((category, value) -> categories.add(Map.of("category", category, "value", value)));
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("activityType", activity);
        body.put("title", title);
        body.put("providerName", "Provider");
        body.put("completedOn", completedOn);
        body.put("amount", Map.of("value", new BigDecimal(amount), "unit", unit));
        body.put("categories", categories);
        body.put("approval", approval);
        return body;
    }

    private String record(String learner, Map<String, Object> body) {
        return as(learner).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON).body(body)
                .post(CreditRecordingTest.path(learner)).then().statusCode(201).extract().header("Location");
    }

    private Response list(String learner, Map<String, String> query) {
        return as(learner).queryParams(query).get(CreditRecordingTest.path(learner));
    }

    private RequestSpecification as(String learner) {
        return given().auth().oauth2(Fixtures.learner(tokens, learner));
    }

    private static String transcript(String learner) {
        return "/api/v1/credits/learners/" + learner + "/transcript";
    }
}
