package org.recert.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recert.platform.security.DevTokens;

/**
 * The search over one provider's published courses: five of them with different credit, approval, fee, format and
 * quality, a draft and a retired course that must not show.
 */
@QuarkusTest
class CourseSearchTest {

    @Inject
    DevTokens tokens;

    private CatalogApi api;
    private UUID providerId;
    private final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeEach
    void setUp() {
        api = new CatalogApi(tokens);
        providerId = api.newProvider("Search College");

        Map<String, Object> phlebotomy = CatalogApi.courseBody(providerId, "Phlebotomy: the order of draw");
        phlebotomy.put("scope", "SPECIALTY");
        phlebotomy.put("specialty", "phlebotomy");
        phlebotomy.put("credit", credit(2, "AAMA_CEU", "CLINICAL", 120));
        ids.put("phlebotomy", api.published(phlebotomy).toString());

        Map<String, Object> coding = CatalogApi.courseBody(providerId, "Medical coding basics");
        coding.remove("approval");
        coding.put("format", "SEMINAR");
        coding.put("credit", credit(1, "CONTACT_HOUR", "ADMINISTRATIVE", 60));
        coding.put("fee", Map.of("model", "FREE"));
        coding.put("learningOutcomes", List.of("Apply ICD-10-CM conventions to outpatient encounters"));
        coding.remove("rationale");
        coding.remove("refundPolicy");
        ids.put("coding", api.published(coding).toString());

        Map<String, Object> communication = CatalogApi.courseBody(providerId, "Communicating with anxious patients");
        communication.put("format", "SELF_STUDY");
        communication.put("credit", credit(3, "AAMA_CEU", "GENERAL", 180));
        communication.put("fee", Map.of("model", "SUBSCRIPTION", "amount", 99.00, "currency", "USD"));
        ids.put("communication", api.published(communication).toString());

        Map<String, Object> office = CatalogApi.courseBody(providerId, "Medical office management");
        office.remove("approval");
        office.put("format", "COLLEGE_COURSE");
        office.put("credit", credit(3, "COLLEGE_CREDIT", "ADMINISTRATIVE", 2250));
        office.put("fee", Map.of("model", "PER_COURSE", "amount", 900.00, "currency", "USD"));
        ids.put("office", api.published(office).toString());

        Map<String, Object> cpr = CatalogApi.courseBody(providerId, "BLS provider CPR");
        cpr.remove("approval");
        cpr.put("format", "CPR_CERTIFICATION");
        cpr.put("credit", credit(1, "CPR_CARD", "CLINICAL", 240));
        cpr.put("fee", Map.of("model", "PER_COURSE", "amount", 60.00, "currency", "USD"));
        ids.put("cpr", api.published(cpr).toString());

        api.draft(CatalogApi.courseBody(providerId, "Phlebotomy draft, not yet reviewed"));
        UUID retired = api.published(CatalogApi.courseBody(providerId, "Phlebotomy of the past"));
        api.as(api.curator()).post(CatalogApi.COURSES + "/" + retired + "/retire").then().statusCode(200);
    }

    @Test
    void shouldFilterByEachCriterion() {
        assertThat(found(Map.of())).containsExactlyInAnyOrder("phlebotomy", "coding", "communication", "office", "cpr");
        assertThat(found(Map.of("category", "CLINICAL"))).containsExactlyInAnyOrder("phlebotomy", "cpr");
        assertThat(found(Map.of("category", "ADMINISTRATIVE"))).containsExactlyInAnyOrder("coding", "office");
        assertThat(found(Map.of("approval", "AAMA"))).containsExactlyInAnyOrder("phlebotomy", "communication");
        assertThat(found(Map.of("approval", "NON_AAMA"))).containsExactlyInAnyOrder("coding", "office", "cpr");
        assertThat(found(Map.of("free", "true"))).containsExactly("coding");
        assertThat(found(Map.of("free", "false"))).containsExactlyInAnyOrder("phlebotomy", "communication", "office", "cpr");
        assertThat(found(Map.of("format", "SEMINAR"))).containsExactly("coding");
        assertThat(found(Map.of("scope", "SPECIALTY"))).containsExactly("phlebotomy");
        assertThat(found(Map.of("maxFee", "60"))).containsExactlyInAnyOrder("phlebotomy", "coding", "cpr");
        assertThat(found(Map.of("minQuality", "90"))).containsExactlyInAnyOrder("phlebotomy", "communication", "office", "cpr");
        assertThat(found(Map.of("approval", "AAMA", "category", "CLINICAL", "maxFee", "50"))).containsExactly("phlebotomy");
    }

    @Test
    void shouldNotCountAnApprovalThatHasEndedOrNotYetBegunAsAamaApproved() {
        Map<String, Object> lapsed = CatalogApi.courseBody(providerId, "Injections, approved until 2021");
        lapsed.put("approval", Map.of("body", "AAMA", "number", "AAMA-2021", "validFrom", "2019-01-01", "validTo", "2021-12-31"));
        ids.put("lapsed", api.published(lapsed).toString());
        Map<String, Object> future = CatalogApi.courseBody(providerId, "Injections, approved from 2099");
        future.put("approval", Map.of("body", "AAMA", "number", "AAMA-2099", "validFrom", "2099-01-01", "validTo", "2099-12-31"));
        ids.put("future", api.published(future).toString());

        assertThat(found(Map.of("approval", "AAMA"))).containsExactlyInAnyOrder("phlebotomy", "communication");
        assertThat(found(Map.of("approval", "NON_AAMA"))).containsExactlyInAnyOrder("coding", "office", "cpr", "lapsed", "future");
    }

    @Test
    void shouldFindByFullTextOverTitleDescriptionAndOutcomes() {
        assertThat(found(Map.of("q", "phlebotomy"))).containsExactly("phlebotomy");
        assertThat(found(Map.of("q", "\"order of draw\""))).containsExactly("phlebotomy");
        assertThat(found(Map.of("q", "conventions"))).containsExactly("coding");
        assertThat(found(Map.of("q", "vital signs"))).hasSize(5);
        assertThat(found(Map.of("q", "patients -anxious"))).doesNotContain("communication");
        assertThat(found(Map.of("q", "xylophone"))).isEmpty();
    }

    @Test
    void shouldRankTheTitleMatchFirst() {
        // "management" is in one title; "office" only there too, but "medical" is in two titles and every description
        assertThat(found(Map.of("q", "medical management"))).first().isEqualTo("office");
        assertThat(found(Map.of("q", "medical"))).first().isIn("coding", "office");
    }

    @Test
    void shouldSortByFeeAndByHoursPerDollarAndTakeTheDeprecatedNameForTheSameOrder() {
        assertThat(found(Map.of("sort", "fee"))).containsExactly("coding", "phlebotomy", "cpr", "communication", "office");
        List<String> perDollar = found(Map.of("sort", "hoursPerDollar"));
        // free first; 2 h/30 and 4 h/60 contact hours per dollar tie; then 37.5 h/900, then the 3 h/99 subscription
        assertThat(perDollar.get(0)).isEqualTo("coding");
        assertThat(perDollar.subList(1, 3)).containsExactlyInAnyOrder("phlebotomy", "cpr");
        assertThat(perDollar.subList(3, 5)).containsExactly("office", "communication");
        assertThat(found(Map.of("sort", "creditPerDollar"))).isEqualTo(perDollar);
        assertThat(found(Map.of())).last().isEqualTo("coding");
    }

    @Test
    void shouldRankACprCardAndAContactHourCourseOfEqualMinutesAndFeeEqually() {
        providerId = api.newProvider("Neutral Comparison Institute");
        ids.put("cpr-hour", api.published(perCourse("Heartsaver CPR, one hour", "CPR_CERTIFICATION",
                credit(1, "CPR_CARD", "CLINICAL", 60))).toString());
        ids.put("contact-hour", api.published(perCourse("Infection control refresher", "ONLINE_WORKSHOP",
                credit(1, "CONTACT_HOUR", "CLINICAL", 60))).toString());
        ids.put("two-hours", api.published(perCourse("Wound care, two hours", "ONLINE_WORKSHOP",
                credit(2, "CONTACT_HOUR", "CLINICAL", 120))).toString());

        // 2 h for 20 USD leads; the card and the contact hour, 1 h for 20 USD each, tie (CMA points had ranked the card first)
        List<String> perDollar = found(Map.of("sort", "hoursPerDollar"));
        assertThat(perDollar.get(0)).isEqualTo("two-hours");
        assertThat(perDollar.subList(1, 3)).containsExactlyInAnyOrder("cpr-hour", "contact-hour");
    }

    @Test
    void shouldPageWithACursorInEveryOrderWithoutLosingOrRepeatingACourse() {
        for (String sort : List.of("relevance", "fee", "hoursPerDollar", "creditPerDollar")) {
            List<String> all = found(Map.of("sort", sort));
            List<String> paged = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                var request = api.as(api.learner()).queryParam("providerId", providerId.toString()).queryParam("sort", sort).queryParam("limit", 2);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                Response page = request.get(CatalogApi.COURSES).then().statusCode(200).extract().response();
                paged.addAll(names(page.jsonPath().getList("items.id")));
                cursor = page.jsonPath().getString("nextCursor");
                pages++;
            } while (cursor != null);
            assertThat(paged).as(sort).isEqualTo(all);
            assertThat(pages).as(sort).isEqualTo(3);
        }
        String q = "vital";
        String cursor = api.as(api.learner()).queryParam("providerId", providerId.toString()).queryParam("q", q).queryParam("limit", 2)
                .get(CatalogApi.COURSES).then().statusCode(200).extract().path("nextCursor");
        List<String> rest = names(api.as(api.learner()).queryParam("providerId", providerId.toString()).queryParam("q", q)
                .queryParam("cursor", cursor).get(CatalogApi.COURSES).then().statusCode(200).extract().jsonPath().getList("items.id"));
        assertThat(rest).hasSize(3);
        api.as(api.learner()).queryParam("providerId", providerId.toString()).queryParam("sort", "fee").queryParam("cursor", cursor)
                .get(CatalogApi.COURSES).then().statusCode(400).body("field", equalTo("cursor"));
    }

    @Test
    void shouldListRetiredCoursesOnlyWhenAsked() {
        api.as(api.learner()).queryParam("providerId", providerId.toString()).queryParam("status", "RETIRED").get(CatalogApi.COURSES)
                .then().statusCode(200).body("items.title", equalTo(List.of("Phlebotomy of the past")));
    }

    private List<String> found(Map<String, String> filters) {
        var request = api.as(api.learner()).queryParam("providerId", providerId.toString()).queryParam("limit", 100);
        filters.forEach(request::queryParam);
        return names(request.get(CatalogApi.COURSES).then().statusCode(200).extract().jsonPath().getList("items.id"));
    }

    private List<String> names(List<String> courseIds) {
        Map<String, String> byId = new LinkedHashMap<>();
        ids.forEach((name, id) -> byId.put(id, name));
        return courseIds.stream().map(id -> byId.getOrDefault(id, "unexpected " + id)).toList();
    }

    /** A course of the current provider at 20.00 USD, without an approval. */
    private Map<String, Object> perCourse(String title, String format, Map<String, Object> credit) {
        Map<String, Object> body = CatalogApi.courseBody(providerId, title);
        body.remove("approval");
        body.put("format", format);
        body.put("credit", credit);
        body.put("fee", Map.of("model", "PER_COURSE", "amount", 20.00, "currency", "USD"));
        return body;
    }

    private static Map<String, Object> credit(int amount, String unit, String category, int minutes) {
        return Map.of("amount", amount, "unit", unit, "categories", List.of(Map.of("category", category, "value", amount)), "contactMinutes", minutes);
    }
}
