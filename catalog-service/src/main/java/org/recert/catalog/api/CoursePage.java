package org.recert.catalog.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.catalog.domain.Course;

/** The OpenAPI shape of a page of courses (the platform Page of Course). */
@Schema(name = "CoursePage")
record CoursePage(List<Course> items, @Schema(nullable = true, description = "Pass as cursor for the next page") String nextCursor) {
}
