package org.recert.catalog.api;

/** Example bodies shown in the OpenAPI document. */
final class ApiExamples {

    static final String COURSE_INPUT = """
            {"title":"Phlebotomy: order of draw and specimen handling","providerId":"11111111-1111-4111-8111-111111111111",
             "description":"Venipuncture review: order of draw, tube additives, labeling and pre-analytical errors.",
             "format":"ONLINE_WORKSHOP","scope":"SPECIALTY","specialty":"phlebotomy",
             "credit":{"amount":2,"unit":"AAMA_CEU","categories":[{"category":"CLINICAL","value":2}],"contactMinutes":120},
             "approval":{"body":"AAMA","number":"AAMA-4711","validFrom":"2025-01-01","validTo":"2027-12-31"},
             "fee":{"model":"PER_COURSE","amount":30.00,"currency":"USD"},
             "refundPolicy":"Full refund within 14 days of purchase if the post-test was not taken.",
             "rationale":"Pre-analytical errors cause most rejected specimens; this course helps medical assistants avoid them.",
             "learningOutcomes":["Apply the CLSI order of draw","Label specimens at the patient's side"],
             "instructorCredentials":"Dana Reyes, CMA (AAMA), MLS(ASCP)",
             "instructionalMethods":["narrated slides","video demonstrations","post-test"]}""";

    static final String PROVIDER_INPUT = """
            {"name":"Lakeside Community College, Allied Health","kind":"COLLEGE","aamaStatus":"NOT_APPROVED",
             "contactName":"Continuing Education Office","contactEmail":"ce@lakeside.example.edu","contactPhone":"+1 312 555 0100",
             "website":"https://lakeside.example.edu/allied-health","active":true}""";

    static final String VALIDATION_PROBLEM = """
            {"type":"/problems/validation-failed","title":"Invalid request","status":400,
             "detail":"credit.categories: the split adds up to 1, not the amount 2","field":"credit.categories",
             "errors":[{"field":"credit.categories","message":"the split adds up to 1, not the amount 2"}],
             "instance":"/api/v1/catalog/courses","requestId":"6f1d2c3e-0b7a-4a7e-9d59-0d6c1e0b2a11"}""";

    private ApiExamples() {
    }
}
