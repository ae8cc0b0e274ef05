package org.recert.web.pages;

import java.net.URI;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestForm;
import org.recert.web.api.Answer;
import org.recert.web.api.GatewayApi;

/**
 * A curator's pages: the catalog's drafts and published courses; create, edit, publish and retire a course, with the
 * catalog's quality review (six findings) beside the form, refreshed by htmx on every save.
 */
@Path("/courses")
@Produces(MediaType.TEXT_HTML)
public class CuratorPages {

    private static final String COURSES = "/catalog/courses";

    private final SignedInUser user;
    private final FormToken formToken;
    private final GatewayApi api;
    private final Template list;
    private final Template editor;

    public CuratorPages(SignedInUser user, FormToken formToken, GatewayApi api, @Location("curator/courses") Template list,
            @Location("curator/editor") Template editor) {
        this.user = user;
        this.formToken = formToken;
        this.api = api;
        this.list = list;
        this.editor = editor;
    }

    @GET
    public TemplateInstance courses(@QueryParam("done") String done) {
        requireCurator();
        return list.data("user", user).data("done", done)
                .data("drafts", api.get(user.token(), COURSES + "?status=DRAFT&limit=50"))
                .data("published", api.get(user.token(), COURSES + "?status=PUBLISHED&limit=50"));
    }

    @GET
    @Path("new")
    public TemplateInstance newCourse() {
        requireCurator();
        return editor(null, CourseForm.EMPTY, null, null, null);
    }

    /** Creates a draft; its editor opens with the quality review the catalog computed at once. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@jakarta.ws.rs.BeanParam CourseFields fields, @RestForm(FormToken.FIELD) String csrf) {
        requireCurator();
        formToken.verify(csrf);
        CourseForm form = fields.form();
        Answer answer = api.send(user.token(), "POST", COURSES, form.toRequest(), Map.of());
        if (answer.ok()) {
            return Response.seeOther(URI.create("/courses/" + GatewayApi.segment(String.valueOf(answer.object().get("id"))) + "?done=created"))
                    .build();
        }
        return refused(answer, editor(null, form, null, LearnerPages.problemOf(answer), null));
    }

    @GET
    @Path("{id}")
    public TemplateInstance edit(@PathParam("id") String id, @QueryParam("done") String done) {
        requireCurator();
        Answer course = api.get(user.token(), coursePath(id));
        return editor(course, course.ok() ? CourseForm.of(course.object()) : CourseForm.EMPTY, quality(id, course), null, done);
    }

    /**
     * Saves the course (If-Match: the version the form was made from) and answers the editor again with the fresh
     * quality review; htmx swaps it in place, a browser without script gets the page after a redirect.
     */
    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") String id, @jakarta.ws.rs.BeanParam CourseFields fields, @RestForm String version,
            @RestForm(FormToken.FIELD) String csrf, @HeaderParam("HX-Request") String htmx) {
        requireCurator();
        formToken.verify(csrf);
        CourseForm form = fields.form();
        Answer saved = api.send(user.token(), "PUT", coursePath(id), form.toRequest(), FormValues.ifMatch(version));
        if (!saved.ok()) {
            Answer course = api.get(user.token(), coursePath(id));
            return refused(saved, editor(course, form, quality(id, course), LearnerPages.problemOf(saved), null));
        }
        if (htmx == null) {
            return Response.seeOther(URI.create("/courses/" + GatewayApi.segment(id) + "?done=saved")).build();
        }
        return Response.ok(editor(saved, CourseForm.of(saved.object()), quality(id, saved), null, "saved")).build();
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("id") String id, @RestForm String version, @RestForm(FormToken.FIELD) String csrf) {
        return transition(id, "publish", "published", version, csrf);
    }

    @POST
    @Path("{id}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retire(@PathParam("id") String id, @RestForm String version, @RestForm(FormToken.FIELD) String csrf) {
        return transition(id, "retire", "retired", version, csrf);
    }

    private Response transition(String id, String action, String done, String version, String csrf) {
        requireCurator();
        formToken.verify(csrf);
        Answer answer = api.send(user.token(), "POST", coursePath(id) + "/" + action, null, FormValues.ifMatch(version));
        if (answer.ok()) {
            return Response.seeOther(URI.create("/courses/" + GatewayApi.segment(id) + "?done=" + done)).build();
        }
        Answer course = api.get(user.token(), coursePath(id));
        return refused(answer, editor(course, course.ok() ? CourseForm.of(course.object()) : CourseForm.EMPTY, quality(id, course),
                LearnerPages.problemOf(answer), null));
    }

    private Answer quality(String id, Answer course) {
        return course.ok() ? api.get(user.token(), coursePath(id) + "/quality") : course;
    }

    private TemplateInstance editor(Answer course, CourseForm form, Answer quality, Answer.Problem problem, String done) {
        return editor.data("user", user).data("course", course).data("form", form).data("quality", quality)
                .data("problem", problem).data("done", done).data("formats", Vocabulary.COURSE_FORMATS).data("feeModels", Vocabulary.FEE_MODELS)
                .data("categories", Vocabulary.CATEGORIES).data("units", CreditUnits.ALL)
                .data("providers", api.get(user.token(), "/catalog/providers?limit=100"));
    }

    private static Response refused(Answer answer, TemplateInstance page) {
        return Response.status(answer.problem() != null ? 422 : 503).entity(page).build();
    }


    private static String coursePath(String id) {
        return COURSES + "/" + GatewayApi.segment(id);
    }

    private void requireCurator() {
        if (!user.isCurator()) {
            throw new ForbiddenException("the course editor is for curators");
        }
    }

    /** The editor's fields as posted. */
    public static class CourseFields {
        @RestForm String title;
        @RestForm String providerId;
        @RestForm String description;
        @RestForm String format;
        @RestForm String scope;
        @RestForm String specialty;
        @RestForm String amount;
        @RestForm String unit;
        @RestForm String category;
        @RestForm String contactMinutes;
        @RestForm String approvalNumber;
        @RestForm String approvalFrom;
        @RestForm String approvalTo;
        @RestForm String feeModel;
        @RestForm String feeAmount;
        @RestForm String currency;
        @RestForm String refundPolicy;
        @RestForm String rationale;
        @RestForm String learningOutcomes;
        @RestForm String instructorCredentials;
        @RestForm String instructionalMethods;

        CourseForm form() {
            return new CourseForm(title, providerId, description, format, scope, specialty, amount, unit, category, contactMinutes,
                    approvalNumber, approvalFrom, approvalTo, feeModel, feeAmount, currency, refundPolicy, rationale,
                    learningOutcomes, instructorCredentials, instructionalMethods);
        }
    }
}
