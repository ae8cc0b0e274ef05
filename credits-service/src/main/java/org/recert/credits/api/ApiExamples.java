package org.recert.credits.api;

/** Example bodies for the OpenAPI document. */
final class ApiExamples {

    static final String RECORD_CREDIT = """
            {"activityType":"ONLINE_WORKSHOP","title":"Infection control update 2025","providerName":"AAMA e-Learning Center",
             "courseId":null,"completedOn":"2025-05-01","amount":{"value":2,"unit":"AAMA_CEU"},
             "categories":[{"category":"CLINICAL","value":2}],"approval":"AAMA","contactMinutes":120,
             "evidence":{"issuer":"AAMA e-Learning Center","certificateNumber":"C-2025-0042","fileName":"certificate.pdf",
             "sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}""";

    static final String CORRECTION = """
            {"reason":"The certificate shows 3 CEUs, not 2","amount":{"value":3,"unit":"AAMA_CEU"},
             "categories":[{"category":"CLINICAL","value":3}],"contactMinutes":180}""";

    static final String REPORT_JSON = """
            [{"rowId":"2025-05-batch-1","courseId":"5b0c4a2e-8f0a-4e59-9d86-2d1f0b6c1a11","learnerId":"maria",
              "completedOn":"2025-05-01","certificateNumber":"C-2025-0042"}]""";

    static final String REPORT_CSV = """
            rowId,courseId,learnerId,completedOn,certificateNumber
            2025-05-batch-1,5b0c4a2e-8f0a-4e59-9d86-2d1f0b6c1a11,maria,2025-05-01,C-2025-0042
            """;

    private ApiExamples() {
    }
}
