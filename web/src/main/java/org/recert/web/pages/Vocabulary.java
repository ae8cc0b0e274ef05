package org.recert.web.pages;

import java.util.Arrays;
import java.util.List;

import org.recert.contracts.ActivityType;
import org.recert.contracts.Category;
import org.recert.contracts.ComplianceStatus;
import org.recert.contracts.CourseFormat;
import org.recert.contracts.FeeModel;
import org.recert.contracts.WebhookMessage;

/** The codes the forms offer, taken from the suite's one wire vocabulary (platform/contracts), never listed again here. */
final class Vocabulary {

    static final List<String> CATEGORIES = names(Category.values());
    static final List<String> ACTIVITY_TYPES = names(ActivityType.values());
    static final List<String> COURSE_FORMATS = names(CourseFormat.values());
    static final List<String> FEE_MODELS = names(FeeModel.values());
    static final List<String> STATUSES = names(ComplianceStatus.values());
    static final List<String> WEBHOOK_EVENTS = List.of(WebhookMessage.STATUS_CHANGED, WebhookMessage.CONSENT_GRANTED,
            WebhookMessage.CONSENT_WITHDRAWN);

    private Vocabulary() {
    }

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }
}
