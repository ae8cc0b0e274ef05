package org.recert.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Learners, their tokens and the credit body every credit scenario posts. */
final class Credits {

    private final Context context;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Credits(Context context) {
        this.context = context;
    }

    static List<String> learners(String prefix, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(String.format("%s-%05d", prefix, i));
        }
        return ids;
    }

    String token(String learnerId) {
        return tokens.computeIfAbsent(learnerId, context::learnerToken);
    }

    String url(String learnerId) {
        return url(context.gateway, learnerId);
    }

    /** The credits of a learner at {@code base}: the gateway, or the credits service itself. */
    String url(String base, String learnerId) {
        return base + "/api/v1/credits/learners/" + learnerId + "/credits";
    }

    /** A learner-reported AAMA online workshop of 2 CEUs, the README's example, numbered. */
    static String body(int n) {
        return """
                {"activityType":"ONLINE_WORKSHOP","title":"Infection control update %d","providerName":"AAMA e-Learning Center",
                 "completedOn":"2025-05-01","amount":{"value":2,"unit":"AAMA_CEU"},
                 "categories":[{"category":"CLINICAL","value":2}],"approval":"AAMA","contactMinutes":120}""".formatted(n);
    }

    /** Certifies each learner in CMA (AAMA), as an admin would, so that credits move a stored status. */
    void certify(List<String> learners) {
        String admin = context.adminToken();
        for (String learner : learners) {
            var response = context.http.putJson(context.gateway + "/api/v1/compliance/learners/" + learner
                    + "/certifications/CMA_AAMA", admin, "{\"certifiedOn\":\"2022-03-15\"}");
            if (response.statusCode() != 201 && response.statusCode() != 200) {
                Http.expect(response, 201);
            }
        }
    }
}
