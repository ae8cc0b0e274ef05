package org.recert.credits.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.credits.domain.Credit;

/** A credit with every version it had, oldest first: the ledger's audit trail of one credit. */
@Schema(name = "CreditHistory")
public record CreditHistory(UUID id, String learnerId, @Schema(examples = "3") int currentVersion, List<Credit> versions) {
}
