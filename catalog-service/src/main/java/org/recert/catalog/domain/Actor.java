package org.recert.catalog.domain;

import java.util.Optional;
import java.util.UUID;
import org.recert.contracts.CourseStatus;

/**
 * Who acts on the catalog, as far as its rules care: curators and admins manage it, a provider drafts its own
 * courses, everyone else reads. The demo loader acts as {@link #system()}.
 */
public record Actor(String subject, boolean curator, Optional<UUID> provider) {

    public static Actor system() {
        return new Actor("system", true, Optional.empty());
    }

    public static Actor reader(String subject) {
        return new Actor(subject, false, Optional.empty());
    }

    public static Actor provider(String subject, UUID providerId) {
        return new Actor(subject, false, Optional.of(providerId));
    }

    public boolean actsFor(UUID providerId) {
        return provider.map(providerId::equals).orElse(false);
    }

    /** Whether this actor may see a course of {@code providerId} in {@code status}. */
    public boolean canSee(CourseStatus status, UUID providerId) {
        return status != CourseStatus.DRAFT || curator || actsFor(providerId);
    }
}
