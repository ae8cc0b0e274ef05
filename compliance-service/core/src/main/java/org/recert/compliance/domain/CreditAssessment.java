package org.recert.compliance.domain;

/** What a rule set makes of one credit on its own: eligible points, or a reason it does not count. */
sealed interface CreditAssessment permits EligibleCredit, ExcludedCredit {
}
