package org.recert.web.pages;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.recert.web.pages.FormValues.blankToNull;
import static org.recert.web.pages.FormValues.number;
import static org.recert.web.pages.FormValues.text;

import io.quarkus.qute.TemplateData;

/**
 * A course as the curator's form holds it (text as typed, so that a wrong value comes back as typed) and the API's
 * course input it makes: the credit in one category, an AAMA approval when a number is given, one line per learning
 * outcome and per instructional method.
 */
@TemplateData
public record CourseForm(String title, String providerId, String description, String format, String scope, String specialty,
                         String amount, String unit, String category, String contactMinutes, String approvalNumber,
                         String approvalFrom, String approvalTo, String feeModel, String feeAmount, String currency,
                         String refundPolicy, String rationale, String learningOutcomes, String instructorCredentials,
                         String instructionalMethods) {

    static final CourseForm EMPTY = new CourseForm("", "", "", "ONLINE_WORKSHOP", "GENERAL", "", "", "AAMA_CEU", "CLINICAL", "",
            "", "", "", "PER_COURSE", "", "USD", "", "", "", "", "");

    /** A course as the API answers it. */
    @SuppressWarnings("unchecked")
    static CourseForm of(Map<String, Object> course) {
        Map<String, Object> credit = map(course.get("credit"));
        Map<String, Object> approval = map(course.get("approval"));
        Map<String, Object> fee = map(course.get("fee"));
        Object categories = credit.get("categories");
        String category = categories instanceof List<?> list && !list.isEmpty() ? text(map(list.get(0)).get("category")) : "";
        return new CourseForm(text(course.get("title")), text(course.get("providerId")), text(course.get("description")),
                text(course.get("format")), text(course.get("scope")), text(course.get("specialty")), text(credit.get("amount")),
                text(credit.get("unit")), category, text(credit.get("contactMinutes")), text(approval.get("number")),
                text(approval.get("validFrom")), text(approval.get("validTo")), text(fee.get("model")), text(fee.get("amount")),
                text(fee.get("currency")), text(course.get("refundPolicy")), text(course.get("rationale")),
                lines(course.get("learningOutcomes")), text(course.get("instructorCredentials")),
                lines(course.get("instructionalMethods")));
    }

    Map<String, Object> toRequest() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", blankToNull(title));
        body.put("providerId", blankToNull(providerId));
        body.put("description", blankToNull(description));
        body.put("format", blankToNull(format));
        body.put("scope", blankToNull(scope));
        body.put("specialty", blankToNull(specialty));
        Map<String, Object> credit = new LinkedHashMap<>();
        credit.put("amount", number(amount));
        credit.put("unit", blankToNull(unit));
        List<Map<String, Object>> split = new ArrayList<>();
        if (category != null && !category.isBlank()) {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("category", category);
            part.put("value", number(amount));
            split.add(part);
        }
        credit.put("categories", split);
        credit.put("contactMinutes", number(contactMinutes));
        body.put("credit", credit);
        if (approvalNumber != null && !approvalNumber.isBlank()) {
            Map<String, Object> approval = new LinkedHashMap<>();
            approval.put("body", "AAMA");
            approval.put("number", approvalNumber.trim());
            approval.put("validFrom", blankToNull(approvalFrom));
            approval.put("validTo", blankToNull(approvalTo));
            body.put("approval", approval);
        }
        Map<String, Object> fee = new LinkedHashMap<>();
        fee.put("model", blankToNull(feeModel));
        fee.put("amount", "FREE".equals(feeModel) && (feeAmount == null || feeAmount.isBlank()) ? BigDecimal.ZERO : number(feeAmount));
        fee.put("currency", blankToNull(currency));
        body.put("fee", fee);
        body.put("refundPolicy", blankToNull(refundPolicy));
        body.put("rationale", blankToNull(rationale));
        body.put("learningOutcomes", splitLines(learningOutcomes));
        body.put("instructorCredentials", blankToNull(instructorCredentials));
        body.put("instructionalMethods", splitLines(instructionalMethods));
        return body;
    }

    private static List<String> splitLines(String text) {
        return text == null ? List.of() : text.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
    }



    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String lines(Object value) {
        return value instanceof List<?> list ? String.join("\n", list.stream().map(String::valueOf).toList()) : "";
    }

}
