package org.recert.credits.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.recert.contracts.ActivityType;
import org.recert.contracts.Approval;
import org.recert.credits.domain.Amount;
import org.recert.credits.domain.CategoryValue;
import org.recert.credits.domain.Evidence;

/**
 * A credit to record, as the ledger takes it (the API maps its request body to this). Its JSON is the request's
 * idempotency fingerprint, so its components keep the names and order of the request body's.
 */
public record NewCredit(ActivityType activityType, String title, String providerName, UUID courseId, LocalDate completedOn,
        Amount amount, List<CategoryValue> categories, Approval approval, Integer contactMinutes, Evidence evidence) {
}
