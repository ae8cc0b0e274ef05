package org.recert.compliance.employers;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An employer organization as the rest of the service sees it (the entity stays in the store). */
public record EmployerOrganization(UUID id, String name, OffsetDateTime createdAt) {
}
