package org.recert.catalog.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.catalog.domain.Provider;

/** The OpenAPI shape of a page of providers (the platform Page of Provider). */
@Schema(name = "ProviderPage")
record ProviderPage(List<Provider> items, @Schema(nullable = true, description = "Pass as cursor for the next page") String nextCursor) {
}
