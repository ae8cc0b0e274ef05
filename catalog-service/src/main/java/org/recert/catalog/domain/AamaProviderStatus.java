package org.recert.catalog.domain;

/** Whether the AAMA lists the provider as an approved provider of continuing education. */
public enum AamaProviderStatus {
    APPROVED, NOT_APPROVED
}
