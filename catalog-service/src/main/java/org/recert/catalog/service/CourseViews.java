package org.recert.catalog.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.recert.catalog.domain.Approval;
import org.recert.catalog.domain.CategoryValue;
import org.recert.catalog.domain.Course;
import org.recert.catalog.domain.CourseDraft;
import org.recert.catalog.domain.Credit;
import org.recert.contracts.Category;
import org.recert.catalog.domain.Fee;
import org.recert.catalog.domain.Provider;
import org.recert.catalog.domain.ProviderInput;
import org.recert.catalog.store.CourseEntity;
import org.recert.catalog.store.ProviderEntity;

/** Between rows and the records the API and the events carry; entities never leave the service layer. */
final class CourseViews {

    private CourseViews() {
    }

    static Course course(CourseEntity c) {
        List<CategoryValue> categories = new ArrayList<>();
        addIfPositive(categories, Category.ADMINISTRATIVE, c.creditAdministrative);
        addIfPositive(categories, Category.CLINICAL, c.creditClinical);
        addIfPositive(categories, Category.GENERAL, c.creditGeneral);
        Approval approval = c.approvalBody == null ? null
                : new Approval(c.approvalBody, c.approvalNumber, c.approvalValidFrom, c.approvalValidTo);
        return new Course(c.id, c.title, c.provider.id, c.provider.name, c.description, c.format, c.scope, c.specialty,
                new Credit(c.creditAmount, c.creditUnit, List.copyOf(categories), c.contactMinutes),
                approval,
                new Fee(c.feeModel, c.feeAmount, c.feeCurrency),
                c.refundPolicy, c.rationale, List.copyOf(c.learningOutcomes), c.instructorCredentials,
                List.copyOf(c.instructionalMethods), c.status, c.publishedAt, c.retiredOn, c.qualityReview,
                c.version, c.createdAt, c.updatedAt);
    }

    /** The course as its author would write it again: what the quality reviewer reads. */
    static CourseDraft draft(CourseEntity c) {
        Course view = course(c);
        return new CourseDraft(view.title(), view.providerId(), view.description(), view.format(), view.scope(), view.specialty(),
                view.credit(), view.approval(), view.fee(), view.refundPolicy(), view.rationale(), view.learningOutcomes(),
                view.instructorCredentials(), view.instructionalMethods());
    }

    static Provider provider(ProviderEntity p) {
        return new Provider(p.id, p.name, p.kind, p.aamaStatus, p.contactName, p.contactEmail, p.contactPhone, p.website,
                p.active, p.version, p.createdAt, p.updatedAt);
    }

    static void apply(ProviderInput input, ProviderEntity p) {
        p.name = input.name().strip();
        p.kind = input.kind();
        p.aamaStatus = input.aamaStatus();
        p.contactName = blankToNull(input.contactName());
        p.contactEmail = blankToNull(input.contactEmail());
        p.contactPhone = blankToNull(input.contactPhone());
        p.website = blankToNull(input.website());
        p.active = input.active() == null || input.active();
    }

    /** Copies a validated draft onto a row; {@code fee} is the draft's fee with its amount and currency filled in. */
    static void apply(CourseDraft draft, Fee fee, ProviderEntity provider, CourseEntity c) {
        c.provider = provider;
        c.title = draft.title().strip();
        c.description = draft.description().strip();
        c.format = draft.format();
        c.scope = draft.scope();
        c.specialty = blankToNull(draft.specialty());
        c.creditAmount = draft.credit().amount();
        c.creditUnit = draft.credit().unit();
        c.creditAdministrative = share(draft.credit(), Category.ADMINISTRATIVE);
        c.creditClinical = share(draft.credit(), Category.CLINICAL);
        c.creditGeneral = share(draft.credit(), Category.GENERAL);
        c.contactMinutes = draft.credit().contactMinutes();
        Approval approval = draft.approval();
        c.approvalBody = approval == null ? null : approval.body();
        c.approvalNumber = approval == null ? null : approval.number();
        c.approvalValidFrom = approval == null ? null : approval.validFrom();
        c.approvalValidTo = approval == null ? null : approval.validTo();
        c.feeModel = fee.model();
        c.feeAmount = fee.amount();
        c.feeCurrency = fee.currency();
        c.refundPolicy = blankToNull(draft.refundPolicy());
        c.rationale = blankToNull(draft.rationale());
        c.learningOutcomes = draft.learningOutcomesOrEmpty().stream().map(String::strip).toList();
        c.instructorCredentials = blankToNull(draft.instructorCredentials());
        c.instructionalMethods = draft.instructionalMethodsOrEmpty().stream().map(String::strip).toList();
    }

    private static BigDecimal share(Credit credit, Category category) {
        return credit.categories().stream().filter(v -> v.category() == category).map(CategoryValue::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void addIfPositive(List<CategoryValue> categories, Category category, BigDecimal value) {
        if (value != null && value.signum() > 0) {
            categories.add(new CategoryValue(category, value));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
