package org.recert.catalog.api;

import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recert.catalog.config.CatalogConfig;
import org.recert.catalog.domain.ApprovalFilter;
import org.recert.catalog.domain.Course;
import org.recert.catalog.domain.CourseDraft;
import org.recert.contracts.CourseFormat;
import org.recert.catalog.domain.CourseQuery;
import org.recert.contracts.CourseScope;
import org.recert.catalog.domain.CourseSort;
import org.recert.contracts.CourseStatus;
import org.recert.contracts.Category;
import org.recert.catalog.domain.QualityReview;
import org.recert.catalog.service.CourseCatalog;
import org.recert.platform.problem.Problem;
import org.recert.platform.problem.ProblemException;
import org.recert.platform.security.Roles;
import org.recert.platform.web.ETags;
import org.recert.platform.web.Page;
import org.recert.platform.web.PageRequest;
import org.recert.platform.web.Range;

/** HTTP for the course lifecycle and search; the rules are in {@link CourseCatalog}. */
@Path("/catalog/courses")
@Tag(name = "Catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CourseResource {

    static final int MAX_LIMIT = 100;
    /** The highest fee a search filters by. */
    static final long MAX_FEE = 1_000_000;

    private final CourseCatalog catalog;
    private final Actors actors;
    private final CatalogConfig config;

    public CourseResource(CourseCatalog catalog, Actors actors, CatalogConfig config) {
        this.catalog = catalog;
        this.actors = actors;
        this.config = config;
    }

    @GET
    @RolesAllowed({ Roles.LEARNER, Roles.EMPLOYER, Roles.PROVIDER, Roles.CURATOR, Roles.ADMIN })
    @Operation(summary = "Search courses", description = "Published courses by default, filtered and cursor-paged. q is a web-style "
            + "full-text query over title, description and learning outcomes. sort: relevance (text rank with q, quality score "
            + "without), fee (cheapest first) or hoursPerDollar (most contact time per dollar first; free courses lead; "
            + "creditPerDollar is a deprecated alias of hoursPerDollar). "
            + "status=DRAFT shows curators every draft and a provider its own.")
    @APIResponse(responseCode = "200", description = "A page of courses",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CoursePage.class)))
    @APIResponse(responseCode = "400", description = "A filter, the cursor or the limit is invalid")
    @APIResponse(responseCode = "403", description = "Drafts asked for by a reader")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Page size, 1-100 (default 20)", example = "20")
    public Page<Course> search(
            @Parameter(description = "Courses with credit in this category") @QueryParam("category") Category category,
            @Parameter(description = "AAMA-approved today (the validity of the approval covers the date in UTC) or not") @QueryParam("approval") ApprovalFilter approval,
            @Parameter(description = "Free courses only (true) or paid only (false)") @QueryParam("free") Boolean free,
            @QueryParam("format") CourseFormat format,
            @QueryParam("scope") CourseScope scope,
            @Parameter(description = "Highest fee (course price or subscription price)", example = "30.00")
            @QueryParam("maxFee") @Range(min = 0, max = MAX_FEE) BigDecimal maxFee,
            @Parameter(description = "Lowest quality score, 0-100", example = "70") @QueryParam("minQuality") @Range(min = 0, max = 100) Integer minQuality,
            @Parameter(description = "Courses of this provider") @QueryParam("providerId") UUID providerId,
            @Parameter(description = "Full-text query, web-search syntax (\"quoted phrase\", or, -not)", example = "phlebotomy order of draw") @QueryParam("q") String q,
            @Parameter(description = "PUBLISHED (default), RETIRED or DRAFT") @QueryParam("status") CourseStatus status,
            @Parameter(description = "relevance (default), fee or hoursPerDollar (creditPerDollar: deprecated alias of hoursPerDollar)",
                    example = "hoursPerDollar") @QueryParam("sort") String sort,
            @BeanParam PageRequest page) {
        if (q != null && q.length() > 200) {
            throw ProblemException.invalid("q", "at most 200 characters");
        }
        CourseQuery query = new CourseQuery(category, approval, free, format, scope, maxFee, minQuality, providerId,
                q == null || q.isBlank() ? null : q.strip(),
                status == null ? CourseStatus.PUBLISHED : status,
                sort == null || sort.isBlank() ? CourseSort.RELEVANCE : CourseSort.ofParameter(sort.strip())
                        .orElseThrow(() -> ProblemException.invalid("sort", "must be relevance, fee or hoursPerDollar")),
                page.cursor(),
                page.size(config.search().defaultLimit(), MAX_LIMIT));
        return catalog.search(actors.current(), query);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CURATOR, Roles.ADMIN, Roles.PROVIDER })
    @Operation(summary = "Create a course draft", description = "Curators create drafts for any provider, a provider for its own "
            + "provider id only. The quality review is computed at once. Publish the draft to make it visible to learners.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CourseDraft.class),
            examples = @ExampleObject(name = "aama-course", value = ApiExamples.COURSE_INPUT)))
    @APIResponse(responseCode = "201", description = "The draft, with Location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Course.class)))
    @APIResponse(responseCode = "400", description = "Invalid course; the problem names the field and nothing is written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "split", value = ApiExamples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "403", description = "Not a curator, or a provider writing for another provider")
    public Response create(@Valid @NotNull CourseDraft draft, @Context UriInfo uri) {
        Course course = catalog.create(actors.current(), draft);
        return ETags.tagged(Response.created(URI.create(uri.getPath() + "/" + course.id())), course.version())
                .entity(course).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.LEARNER, Roles.EMPLOYER, Roles.PROVIDER, Roles.CURATOR, Roles.ADMIN })
    @Operation(summary = "Read a course", description = "Drafts are visible to curators and their provider only; to anyone else they do not exist.")
    @APIResponse(responseCode = "200", description = "The course, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Course.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such course visible to the caller")
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version: the copy the client holds is current")
    public Response get(@PathParam("id") UUID id,
            @Parameter(description = "The ETag of the copy the client holds", example = "\"3\"") @HeaderParam("If-None-Match") String ifNoneMatch) {
        Course course = catalog.get(actors.current(), id);
        return ETags.read(course, course.version(), ifNoneMatch);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}")
    @RolesAllowed({ Roles.CURATOR, Roles.ADMIN, Roles.PROVIDER })
    @Operation(summary = "Replace a course", description = "Needs If-Match with the course's ETag. A provider changes its own drafts only; "
            + "curators change drafts and published courses (a published change goes out as CourseUpdated). Retired courses do not change.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CourseDraft.class),
            examples = @ExampleObject(name = "aama-course", value = ApiExamples.COURSE_INPUT)))
    @APIResponse(responseCode = "200", description = "The course as changed, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Course.class)))
    @APIResponse(responseCode = "400", description = "Invalid course; nothing is written")
    @APIResponse(responseCode = "403", description = "Not allowed to change this course")
    @APIResponse(responseCode = "404", description = "No such course visible to the caller")
    @APIResponse(responseCode = "409", description = "The course is retired")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id,
            @Parameter(description = "The ETag of the version being replaced", example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CourseDraft draft) {
        return withETag(catalog.update(actors.current(), id, ifMatch, draft));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({ Roles.CURATOR, Roles.ADMIN })
    @Operation(summary = "Publish a draft", description = "DRAFT to PUBLISHED: learners find it and CoursePublished goes out on catalog.course.v1. If-Match is checked when sent.")
    @APIResponse(responseCode = "200", description = "The published course", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Course.class)))
    @APIResponse(responseCode = "403", description = "Not a curator")
    @APIResponse(responseCode = "404", description = "No such course")
    @APIResponse(responseCode = "409", description = "Not a draft, or its provider is inactive")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response publish(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withETag(catalog.publish(actors.current(), id, ifMatch));
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed({ Roles.CURATOR, Roles.ADMIN })
    @Operation(summary = "Retire a published course", description = "PUBLISHED to RETIRED (retiredOn = today): it leaves the search and CourseRetired goes out. "
            + "Credits already earned keep it. If-Match is checked when sent.")
    @APIResponse(responseCode = "200", description = "The retired course", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Course.class)))
    @APIResponse(responseCode = "403", description = "Not a curator")
    @APIResponse(responseCode = "404", description = "No such course")
    @APIResponse(responseCode = "409", description = "Not published")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response retire(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withETag(catalog.retire(actors.current(), id, ifMatch));
    }

    @GET
    @Path("/{id}/quality")
    @RolesAllowed({ Roles.LEARNER, Roles.EMPLOYER, Roles.PROVIDER, Roles.CURATOR, Roles.ADMIN })
    @Operation(summary = "The quality review of a course", description = "The six criteria of the seed (rationale, learning outcomes, "
            + "instructor credentials, instructional methods, reasonable fee, refund policy), each met or not with the reason, and the "
            + "score 0-100. Reasonable fee: at most recert.catalog.quality.max-fee-per-contact-hour (default 30.00 USD) per contact hour, or a "
            + "subscription at most recert.catalog.quality.max-subscription-fee (default 250.00 USD); free courses meet it and are flagged FREE_COURSE.")
    @APIResponse(responseCode = "200", description = "The review", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QualityReview.class)))
    @APIResponse(responseCode = "404", description = "No such course visible to the caller")
    public QualityReview quality(@PathParam("id") UUID id) {
        return catalog.quality(actors.current(), id);
    }

    private static Response withETag(Course course) {
        return ETags.ok(course, course.version());
    }
}
