package org.recert.credits.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.recert.platform.problem.Problem.FieldError;
import org.recert.contracts.Category;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.ActivityType;

/**
 * What makes a credit's content acceptable to the ledger, whoever reports it. Every failure names its field.
 *
 * <p>Contact minutes: a unit defined by time (AAMA CEU, contact hour, CME credit: one contact hour each; IACET
 * CEU: ten; college credit: fifteen) cannot have been earned in fewer minutes than its contact hours take, at
 * 50 minutes a contact hour. So 2 AAMA CEU with 90 contact minutes is a contradiction; more minutes than that
 * is not (issuers round down). CPR cards carry no time rule.
 */
public final class CreditRules {

    /** The earliest completion date the ledger takes: older credit belongs to no open certification cycle. */
    public static final LocalDate EARLIEST_COMPLETION = LocalDate.of(1970, 1, 1);
    public static final int MAX_TITLE = 300;
    public static final int MAX_PROVIDER_NAME = 200;
    public static final int MAX_CONTACT_MINUTES = 100_000;

    private CreditRules() {
    }

    /** Every rule {@code content} breaks; empty when it may be recorded. {@code today}: the latest completion date allowed. */
    public static List<FieldError> check(CreditContent content, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (content.activityType() == null) {
            errors.add(new FieldError("activityType", "is required"));
        }
        if (content.title() == null) {
            errors.add(new FieldError("title", "is required"));
        } else if (content.title().length() > MAX_TITLE) {
            errors.add(new FieldError("title", "must be at most " + MAX_TITLE + " characters"));
        }
        if (content.providerName() != null && content.providerName().length() > MAX_PROVIDER_NAME) {
            errors.add(new FieldError("providerName", "must be at most " + MAX_PROVIDER_NAME + " characters"));
        }
        checkCompletedOn(content.completedOn(), today, "completedOn", errors);
        if (content.approval() == null) {
            errors.add(new FieldError("approval", "is required: AAMA or NON_AAMA"));
        }
        Amount amount = content.amount();
        if (amount == null || amount.value() == null || amount.unit() == null) {
            errors.add(new FieldError(amount == null ? "amount" : amount.value() == null ? "amount.value" : "amount.unit", "is required"));
        } else {
            checkAmount(content, amount, errors);
            checkCategories(content.categories(), amount.value(), errors);
            checkContactMinutes(content.contactMinutes(), amount, errors);
        }
        return errors;
    }

    static void checkCompletedOn(LocalDate completedOn, LocalDate today, String field, List<FieldError> errors) {
        if (completedOn == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (completedOn.isAfter(today)) {
            errors.add(new FieldError(field, "must not be in the future (latest allowed: " + today + ")"));
        } else if (completedOn.isBefore(EARLIEST_COMPLETION)) {
            errors.add(new FieldError(field, "must not be before " + EARLIEST_COMPLETION));
        }
    }

    private static void checkAmount(CreditContent content, Amount amount, List<FieldError> errors) {
        if (amount.value().signum() <= 0) {
            errors.add(new FieldError("amount.value", "must be greater than 0"));
            return;
        }
        if (amount.value().scale() > 2) {
            errors.add(new FieldError("amount.value", "must have at most 2 decimals"));
        }
        if (ContactHours.isCounted(amount.unit()) && amount.value().stripTrailingZeros().scale() > 0) {
            errors.add(new FieldError("amount.value", "must be a whole number of " + amount.unit()));
        }
        if (amount.unit() == CreditUnit.CPR_CARD && content.activityType() != null
                && content.activityType() != ActivityType.CPR_CERTIFICATION) {
            errors.add(new FieldError("amount.unit", "CPR_CARD is only for activityType CPR_CERTIFICATION"));
        }
        if (amount.unit() == CreditUnit.COLLEGE_CREDIT && content.activityType() != null
                && content.activityType() != ActivityType.COLLEGE_COURSE) {
            errors.add(new FieldError("amount.unit", "COLLEGE_CREDIT is only for activityType COLLEGE_COURSE"));
        }
    }

    private static void checkCategories(List<CategoryValue> categories, BigDecimal amount, List<FieldError> errors) {
        if (categories == null || categories.isEmpty()) {
            errors.add(new FieldError("categories", "at least one category is required"));
            return;
        }
        Set<Category> seen = EnumSet.noneOf(Category.class);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < categories.size(); i++) {
            CategoryValue part = categories.get(i);
            String field = "categories[" + i + "]";
            if (part == null || part.category() == null) {
                errors.add(new FieldError(field + ".category", "is required"));
                continue;
            }
            if (!seen.add(part.category())) {
                errors.add(new FieldError(field + ".category", part.category() + " appears twice"));
            }
            if (part.value() == null || part.value().signum() <= 0) {
                errors.add(new FieldError(field + ".value", "must be greater than 0"));
                continue;
            }
            sum = sum.add(part.value());
        }
        if (errors.stream().noneMatch(e -> e.field().startsWith("categories")) && sum.compareTo(amount) != 0) {
            errors.add(new FieldError("categories", "the category values add up to " + Decimals.normalize(sum)
                    + ", not to the amount " + Decimals.normalize(amount)));
        }
    }

    private static void checkContactMinutes(Integer minutes, Amount amount, List<FieldError> errors) {
        if (minutes == null) {
            return;
        }
        if (minutes < 0 || minutes > MAX_CONTACT_MINUTES) {
            errors.add(new FieldError("contactMinutes", "must be between 0 and " + MAX_CONTACT_MINUTES));
            return;
        }
        minimumMinutes(amount).ifPresent(minimum -> {
            if (BigDecimal.valueOf(minutes).compareTo(minimum) < 0) {
                errors.add(new FieldError("contactMinutes", minutes + " minutes contradict " + amount.value() + " " + amount.unit()
                        + ", which take at least " + Decimals.normalize(minimum) + " minutes (a contact hour is "
                        + ContactHours.MINUTES + " minutes)"));
            }
        });
    }

    /** The fewest contact minutes in which {@code amount} can be earned, for units defined by time. */
    public static java.util.Optional<BigDecimal> minimumMinutes(Amount amount) {
        return ContactHours.of(amount.unit(), amount.value())
                .map(hours -> hours.multiply(BigDecimal.valueOf(ContactHours.MINUTES)));
    }
}
