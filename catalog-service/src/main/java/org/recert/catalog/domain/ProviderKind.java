package org.recert.catalog.domain;

public enum ProviderKind {
    AAMA_APPROVED_INSTITUTION, COLLEGE, EMPLOYER, ONLINE_PLATFORM, ASSOCIATION, HEALTH_SYSTEM, OTHER
}
