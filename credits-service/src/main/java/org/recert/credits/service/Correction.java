package org.recert.credits.service;

import java.time.LocalDate;
import java.util.List;

import org.recert.contracts.ActivityType;
import org.recert.contracts.Approval;
import org.recert.credits.domain.Amount;
import org.recert.credits.domain.CategoryValue;
import org.recert.credits.domain.Evidence;

/** A correction as the ledger takes it: the reason, and the fields that change (null: keeps its value). */
public record Correction(String reason, ActivityType activityType, String title, String providerName, LocalDate completedOn,
        Amount amount, List<CategoryValue> categories, Approval approval, Integer contactMinutes, Evidence evidence) {
}
