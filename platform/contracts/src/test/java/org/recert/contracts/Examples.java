package org.recert.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Valid events of every topic built from the records: one with every field, one with every optional part left out. */
final class Examples {

    static final UUID COURSE = UUID.fromString("6f1c2c6e-3f0b-4d43-9a51-0d3b9b7b2a10");
    static final UUID PROVIDER = UUID.fromString("0b5d7f0e-8d8b-4c1c-bb59-2f3c5f0b6a21");
    static final Instant UPDATED = Instant.parse("2026-01-01T00:00:00Z");

    private Examples() {
    }

    static CourseEvent fullCourse() {
        List<CourseEvent.Finding> findings = Arrays.stream(QualityCriterion.values())
                .map(criterion -> new CourseEvent.Finding(criterion, true, "stated", 10)).toList();
        return new CourseEvent(COURSE, "Phlebotomy update", PROVIDER, "AAMA e-Learning Center", "Venipuncture today",
                CourseFormat.ONLINE_WORKSHOP, CourseScope.SPECIALTY, "phlebotomy",
                new CourseEvent.Credit(new BigDecimal("2.5"), CreditUnit.AAMA_CEU, List.of(
                        new CategoryValue(Category.CLINICAL, new BigDecimal("2")), new CategoryValue(Category.GENERAL, new BigDecimal("0.5"))), 150),
                new CourseEvent.CourseApproval(ApprovalBody.AAMA, "AAMA-12345", LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31)),
                new CourseEvent.Fee(FeeModel.PER_COURSE, new BigDecimal("25.00"), "USD"), "30 days", "Keeps skills current",
                List.of("Draw blood safely"), "RN, 10 years", List.of("video"), CourseStatus.PUBLISHED, UPDATED, null,
                new CourseEvent.Quality(100, findings, List.of()), 3, UPDATED, UPDATED);
    }

    static CourseEvent minimalCourse() {
        List<CourseEvent.Finding> findings = Arrays.stream(QualityCriterion.values())
                .map(criterion -> new CourseEvent.Finding(criterion, false, "not stated", null)).toList();
        return new CourseEvent(COURSE, "Free talk", PROVIDER, "A provider", null, CourseFormat.SEMINAR, CourseScope.GENERAL, null,
                new CourseEvent.Credit(BigDecimal.ONE, CreditUnit.CONTACT_HOUR, List.of(new CategoryValue(Category.GENERAL, BigDecimal.ONE)), 50),
                null, new CourseEvent.Fee(FeeModel.FREE, BigDecimal.ZERO, "USD"), null, null, null, null, null,
                CourseStatus.RETIRED, null, LocalDate.of(2026, 1, 1), new CourseEvent.Quality(0, findings, List.of("NO_RATIONALE")), 1,
                null, UPDATED);
    }

    static LedgerEvent fullCredit() {
        return new LedgerEvent(UUID.fromString("1a6bdb0e-52a4-4b1b-9a33-3c5f64d3e0c1"), "learner-1", ActivityType.COLLEGE_COURSE,
                "Anatomy I", "County College", COURSE, LocalDate.of(2025, 5, 1), new LedgerEvent.Amount(new BigDecimal("3"), CreditUnit.COLLEGE_CREDIT),
                List.of(new CategoryValue(Category.CLINICAL, new BigDecimal("3"))), Approval.NON_AAMA, 2250,
                new LedgerEvent.Evidence("County College", "T-1", "transcript.pdf", "a".repeat(64)), CreditSource.LEARNER_REPORTED,
                Verification.EVIDENCE_ATTACHED, CreditStatus.ACTIVE, 2, UPDATED, "corrected hours", new BigDecimal("45"));
    }

    static LedgerEvent minimalCredit() {
        return new LedgerEvent(UUID.fromString("2b7cdc1f-63b5-4c2c-8b44-4d6f75e4f1d2"), "learner-1", ActivityType.CPR_CERTIFICATION,
                "CPR card", null, null, LocalDate.of(2025, 5, 1), new LedgerEvent.Amount(BigDecimal.ONE, CreditUnit.CPR_CARD),
                List.of(new CategoryValue(Category.CLINICAL, BigDecimal.ONE)), Approval.AAMA, null, null, CreditSource.PROVIDER_REPORTED,
                null, CreditStatus.REVOKED, 1, UPDATED, null, null);
    }

    static StatusEvent fullStatus() {
        StatusEvent.Evaluation evaluation = new StatusEvent.Evaluation("learner-1", "CMA_AAMA", "CMA (AAMA)", "2024-01-01",
                LocalDate.of(2026, 1, 1), ComplianceStatus.AT_RISK, LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 1),
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 30), LocalDate.of(2026, 2, 1), 59, false,
                List.of(new StatusEvent.Requirement("TOTAL", new BigDecimal("60"), new BigDecimal("50"), new BigDecimal("10"),
                                RequirementKind.TOTAL, null, null, null),
                        new StatusEvent.Requirement("CLINICAL", BigDecimal.TEN, new BigDecimal("6"), new BigDecimal("4"),
                                RequirementKind.CATEGORY_MINIMUM, Category.CLINICAL, null, null),
                        new StatusEvent.Requirement("AAMA_APPROVED", new BigDecimal("30"), new BigDecimal("30"), BigDecimal.ZERO,
                                RequirementKind.APPROVED_MINIMUM, null, ApprovalBody.AAMA, null),
                        new StatusEvent.Requirement("CPR_CARD", BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE,
                                RequirementKind.UNIT_MINIMUM, null, null, CreditUnit.CPR_CARD)),
                List.of(new StatusEvent.Counted(UUID.randomUUID().toString(), new BigDecimal("50"), Category.CLINICAL, true,
                        Verification.PROVIDER_REPORTED)),
                List.of(new StatusEvent.Excluded(UUID.randomUUID().toString(), "OUTSIDE_CYCLE", "completed before the cycle", BigDecimal.TEN)),
                List.of("10 points short"), LocalDate.of(2026, 3, 2));
        return new StatusEvent("learner-1", "CMA_AAMA", ComplianceStatus.ON_TRACK, ComplianceStatus.AT_RISK, evaluation);
    }

    static StatusEvent minimalStatus() {
        StatusEvent.Evaluation evaluation = new StatusEvent.Evaluation("learner-1", "CMA_AAMA", null, null, LocalDate.of(2026, 1, 1),
                ComplianceStatus.NO_CERTIFICATION, null, null, null, null, null, null, null, List.of(),
                List.of(new StatusEvent.Counted("c-1", BigDecimal.ONE, Category.GENERAL, null, null)),
                List.of(new StatusEvent.Excluded("c-2", null, "revoked", null)), List.of(), null);
        return new StatusEvent("learner-1", "CMA_AAMA", ComplianceStatus.COMPLIANT, ComplianceStatus.NO_CERTIFICATION, evaluation);
    }

    static final UUID ORGANIZATION = UUID.fromString("3c2f7a1e-5b9d-4e8a-9f10-7d6c5b4a3e21");

    static RosterEvent fullRoster() {
        return new RosterEvent(ORGANIZATION, "learner-1", true, true, "EMP-0042", "Care Clinic");
    }

    static RosterEvent minimalRoster() {
        return new RosterEvent(ORGANIZATION, "learner-1", false, false, null, null);
    }
}
