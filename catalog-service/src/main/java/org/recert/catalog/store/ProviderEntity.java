package org.recert.catalog.store;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.recert.catalog.domain.AamaProviderStatus;
import org.recert.catalog.domain.ProviderKind;

@Entity
@Table(name = "provider")
public class ProviderEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProviderKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "aama_status", nullable = false)
    public AamaProviderStatus aamaStatus;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    public String website;

    @Column(nullable = false)
    public boolean active;

    /** Checked against If-Match and bumped by the service on every change. */
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
