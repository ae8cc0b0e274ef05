package org.recert.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.recert.catalog.domain.Actor;
import org.recert.catalog.domain.ApprovalFilter;
import org.recert.contracts.CourseFormat;
import org.recert.catalog.domain.CourseQuery;
import org.recert.catalog.domain.CourseSort;
import org.recert.contracts.CourseStatus;
import org.recert.contracts.Category;
import org.recert.catalog.service.CourseCatalog;
import org.recert.catalog.store.CourseRepository;
import org.recert.platform.security.DevTokens;

/**
 * Not a test: a benchmark run by hand on 100,000 generated courses (it asserts nothing about time).
 * {@code ./mvnw -o -pl catalog-service -Dtest=CatalogSearchBenchmark -Dcatalog-bench=true test}; the figures and the
 * query plans go to the log and to target/bench/catalog-search.txt.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "catalog-bench", matches = "true")
class CatalogSearchBenchmark {

    private static final Logger LOG = Logger.getLogger(CatalogSearchBenchmark.class);
    private static final int COURSES = 100_000;
    private static final int RUNS = 40;

    @Inject
    DevTokens tokens;

    @Inject
    EntityManager entityManager;

    @Inject
    CourseRepository courses;

    @Inject
    CourseCatalog catalog;

    @Test
    void measureSearchOnOneHundredThousandCourses() throws IOException {
        long loadStart = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(600).run(() -> {
            entityManager.createNativeQuery(PROVIDERS).executeUpdate();
            entityManager.createNativeQuery(GENERATE).setParameter(1, COURSES).executeUpdate();
        });
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("analyze course").executeUpdate());
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("select count(*) from course").getSingleResult()).longValue());

        CatalogApi api = new CatalogApi(tokens);
        String token = api.learner();
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put("no filter, relevance (quality)", new Scenario(Map.of(), query(null, null, null, null, null, null, null, CourseSort.RELEVANCE)));
        scenarios.put("category=CLINICAL approval=AAMA maxFee=50 sort=fee", new Scenario(
                Map.of("category", "CLINICAL", "approval", "AAMA", "maxFee", "50", "sort", "fee"),
                query(Category.CLINICAL, ApprovalFilter.AAMA, null, null, new java.math.BigDecimal("50"), null, null, CourseSort.FEE)));
        scenarios.put("q=\"phlebotomy order of draw\" relevance", new Scenario(Map.of("q", "phlebotomy order of draw"),
                query(null, null, null, null, null, null, "phlebotomy order of draw", CourseSort.RELEVANCE)));
        scenarios.put("q=coding free=false sort=hoursPerDollar", new Scenario(Map.of("q", "coding", "free", "false", "sort", "hoursPerDollar"),
                query(null, null, false, null, null, null, "coding", CourseSort.HOURS_PER_DOLLAR)));
        scenarios.put("format=ONLINE_WORKSHOP minQuality=80 sort=hoursPerDollar", new Scenario(
                Map.of("format", "ONLINE_WORKSHOP", "minQuality", "80", "sort", "hoursPerDollar"),
                query(null, null, null, CourseFormat.ONLINE_WORKSHOP, null, 80, null, CourseSort.HOURS_PER_DOLLAR)));
        scenarios.put("q=\"medical assistants\" (in every description) relevance", new Scenario(Map.of("q", "medical assistants"),
                query(null, null, null, null, null, null, "medical assistants", CourseSort.RELEVANCE)));

        StringBuilder report = new StringBuilder();
        report.append("catalog search benchmark: ").append(rows).append(" courses (generated and analyzed in ").append(loadMillis).append(" ms)\n");
        report.append("HTTP figures: GET /api/v1/catalog/courses?limit=20, ").append(RUNS).append(" runs after 5 warm-ups, one client, same JVM\n\n");
        for (Map.Entry<String, Scenario> entry : scenarios.entrySet()) {
            List<Long> inProcess = new ArrayList<>();
            for (int i = 0; i < RUNS + 5; i++) {
                long start = System.nanoTime();
                QuarkusTransaction.requiringNew().call(() -> catalog.search(Actor.reader("bench"), entry.getValue().query()));
                if (i >= 5) {
                    inProcess.add((System.nanoTime() - start) / 1_000);
                }
            }
            inProcess.sort(Long::compare);
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < RUNS + 5; i++) {
                var request = api.as(token).queryParam("limit", 20);
                entry.getValue().parameters().forEach(request::queryParam);
                long start = System.nanoTime();
                request.get(CatalogApi.COURSES).then().statusCode(200);
                if (i >= 5) {
                    micros.add((System.nanoTime() - start) / 1_000);
                }
            }
            micros.sort(Long::compare);
            String plan = QuarkusTransaction.requiringNew().call(() -> courses.plan(entry.getValue().query()));
            report.append("== ").append(entry.getKey()).append('\n')
                    .append(String.format("service (query + load + mapping, in process) median %.1f ms, p95 %.1f ms%n",
                            inProcess.get(inProcess.size() / 2) / 1000.0, inProcess.get((int) (inProcess.size() * 0.95) - 1) / 1000.0))
                    .append(String.format("HTTP (rest-assured client included) median %.1f ms, p95 %.1f ms, max %.1f ms%n", micros.get(micros.size() / 2) / 1000.0,
                            micros.get((int) (micros.size() * 0.95) - 1) / 1000.0, micros.get(micros.size() - 1) / 1000.0))
                    .append(plan).append("\n\n");
        }
        report.append(deepPage(api, token));
        Path out = Path.of("target", "bench", "catalog-search.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LOG.info("\n" + report);
    }

    /** Following the cursor 50 pages deep costs what the first page costs: keyset, not offset. */
    private String deepPage(CatalogApi api, String token) {
        String cursor = null;
        List<Long> micros = new ArrayList<>();
        for (int page = 0; page < 50; page++) {
            var request = api.as(token).queryParam("limit", 20).queryParam("category", "GENERAL").queryParam("sort", "fee");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            long start = System.nanoTime();
            io.restassured.response.Response response = request.get(CatalogApi.COURSES);
            micros.add((System.nanoTime() - start) / 1_000);
            cursor = response.then().statusCode(200).extract().path("nextCursor");
        }
        return String.format("== category=GENERAL sort=fee, following the cursor: page 1 %.1f ms, page 10 %.1f ms, page 50 %.1f ms%n",
                micros.get(0) / 1000.0, micros.get(9) / 1000.0, micros.get(49) / 1000.0);
    }

    private record Scenario(Map<String, String> parameters, CourseQuery query) {
    }

    private static CourseQuery query(Category category, ApprovalFilter approval, Boolean free, CourseFormat format,
            java.math.BigDecimal maxFee, Integer minQuality, String q, CourseSort sort) {
        return new CourseQuery(category, approval, free, format, null, maxFee, minQuality, null, q, CourseStatus.PUBLISHED, sort, null, 20);
    }

    private static final String PROVIDERS = """
            insert into provider (id, name, kind, aama_status, active, version, created_at, updated_at)
            select ('5b000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'Bench provider ' || g, 'ONLINE_PLATFORM',
                   'APPROVED', true, 1, now(), now()
            from generate_series(1, 200) g
            """;

    // deterministic spread: 8 formats, 3 categories, half AAMA, 1 in 7 free and 1 in 7 by subscription, 5% drafts, 5% retired
    private static final String GENERATE = """
            insert into course (id, provider_id, title, description, format, scope, specialty, credit_amount, credit_unit,
                credit_administrative, credit_clinical, credit_general, contact_minutes, approval_body, approval_number,
                approval_valid_from, approval_valid_to, fee_model, fee_amount, fee_currency, refund_policy, rationale,
                learning_outcomes, instructor_credentials, instructional_methods, status, quality_score, quality_review,
                version, created_at, updated_at, published_at)
            select gen_random_uuid(), ('5b000000-0000-4000-8000-' || lpad((1 + g % 200)::text, 12, '0'))::uuid,
                topic || ': ' || aspect,
                'A ' || lower(aspect) || ' course on ' || lower(topic) || ' for medical assistants, covering ' || phrase || '.',
                fmt, 'GENERAL', null, amount, unit,
                case when g % 3 = 0 then amount else 0 end, case when g % 3 = 1 then amount else 0 end, case when g % 3 = 2 then amount else 0 end,
                amount * 60,
                case when approved then 'AAMA' end, case when approved then 'AAMA-B' || g end,
                case when approved then date '2025-01-01' end, case when approved then date '2027-12-31' end,
                fee_model, case fee_model when 'FREE' then 0 when 'SUBSCRIPTION' then 99 + (g % 5) * 25 else 10 + (g * 7919) % 290 end, 'USD',
                'Full refund within 30 days.', 'Why this course matters to medical assistants in daily practice.',
                jsonb_build_array('Apply ' || lower(topic) || ' skills in the outpatient clinic', 'Explain ' || phrase || ' to a patient'),
                'Instructor, CMA (AAMA)', '["video","post-test"]'::jsonb,
                case when (g / 40) % 20 = 0 then 'DRAFT' when (g / 40) % 20 = 1 then 'RETIRED' else 'PUBLISHED' end,
                quality, jsonb_build_object('score', quality, 'findings', '[]'::jsonb, 'flags', '[]'::jsonb),
                1, now(), now(), now()
            from (
                select g, topic, aspect, phrase, fmt, approved, fee_model, quality,
                    case fmt when 'COLLEGE_COURSE' then 'COLLEGE_CREDIT' when 'CPR_CERTIFICATION' then 'CPR_CARD'
                        else case when approved then 'AAMA_CEU' else 'CONTACT_HOUR' end end as unit,
                    case fmt when 'COLLEGE_COURSE' then 3 when 'CPR_CERTIFICATION' then 1 else 1 + g % 4 end as amount
                from (
                    select g,
                        (array['Phlebotomy','Medical coding','HIPAA privacy','Vital signs','Pharmacology','Infection control',
                            'Electrocardiography','Medical terminology','Patient communication','Medical law and ethics','Insurance billing',
                            'Scheduling','Telehealth','Nutrition','Diabetes care','Wound care','Immunizations','Injections','Laboratory safety',
                            'Urinalysis','Hematology','Microbiology basics','Pediatric care','Geriatric care','Women''s health','Cardiology',
                            'Pulmonology','Dermatology','Orthopedics','Mental health','Emergency preparedness','First aid','OSHA compliance',
                            'Electronic health records','Practice management','Customer service','Cultural competence',
                            'Medication administration','Specimen collection','Radiology basics'])[1 + g % 40] as topic,
                        (array['Essentials','Refresher','Update','Fundamentals','Advanced practice','Case studies','Workshop',
                            'Best practices','Skills lab','Quick review','Deep dive','Certification prep'])[1 + (g / 40) % 12] as aspect,
                        (array['the order of draw','documentation standards','common errors','patient safety','legal duties',
                            'current guidelines','team communication','quality measures','equipment care','special populations',
                            'emergency response','privacy rules','billing rules','workflow design','patient education',
                            'risk management','clinical judgment','ethical dilemmas','technology use','cost awareness'])[1 + (g * 13) % 20] as phrase,
                        (array['FORMAL_CLASS','ONLINE_WORKSHOP','SEMINAR','CONFERENCE','LOCAL_WORKSHOP','COLLEGE_COURSE',
                            'CPR_CERTIFICATION','SELF_STUDY'])[1 + g % 8] as fmt,
                        (g % 2 = 0 and g % 8 not in (5, 6)) as approved,
                        case when g % 7 = 0 then 'FREE' when g % 7 = 1 then 'SUBSCRIPTION' else 'PER_COURSE' end as fee_model,
                        (array[30, 50, 65, 70, 85, 100])[1 + (g * 31) % 6] as quality
                    from generate_series(1, ?1) g) base) s
            """;
}
