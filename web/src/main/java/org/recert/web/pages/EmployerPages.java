package org.recert.web.pages;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
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
 * An employer's pages: the roster of its organization (the {@code org} claim) with status filter, sorting, paging and
 * CSV, and members to add and remove. The API shows only the members who consented; the page shows what it answers.
 */
@Path("/roster")
@Produces(MediaType.TEXT_HTML)
public class EmployerPages {


    private final SignedInUser user;
    private final FormToken formToken;
    private final GatewayApi api;
    private final Template roster;
    private final Template check;

    public EmployerPages(SignedInUser user, FormToken formToken, GatewayApi api, @Location("employer/roster") Template roster,
            @Location("employer/check") Template check) {
        this.user = user;
        this.formToken = formToken;
        this.api = api;
        this.roster = roster;
        this.check = check;
    }

    @GET
    @Path("check")
    public TemplateInstance checkForm() {
        organization();
        return checkPage("CMA_AAMA", "learnerIds", "", null, null);
    }

    /**
     * The bulk check: many learner ids or staff references at once, each answered with its status when the member
     * consented, and "not visible" otherwise (the API gives no reason, nor does the page).
     */
    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response check(@RestForm String credential, @RestForm String by, @RestForm String ids, @RestForm(FormToken.FIELD) String csrf) {
        formToken.verify(csrf);
        organization();
        String field = "staffRefs".equals(by) ? "staffRefs" : "learnerIds";
        List<String> asked = ids == null ? List.of() : java.util.Arrays.stream(ids.split("[\\s,;]+"))
                .filter(id -> !id.isBlank()).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("credential", credential == null || credential.isBlank() ? null : credential.trim());
        body.put(field, asked);
        Answer answer = api.send(user.token(), "POST", "/compliance/roster-checks", body, Map.of());
        if (answer.ok()) {
            return Response.ok(checkPage(credential, field, ids, answer, null)).build();
        }
        return Response.status(answer.problem() != null ? 422 : 503).entity(checkPage(credential, field, ids, null,
                LearnerPages.problemOf(answer))).build();
    }

    private TemplateInstance checkPage(String credential, String by, String ids, Answer result, Answer.Problem problem) {
        return check.data("user", user).data("credential", credential == null ? "" : credential).data("by", by)
                .data("ids", ids == null ? "" : ids).data("result", result).data("problem", problem)
                .data("credentials", api.get(user.token(), "/compliance/credentials"));
    }

    @GET
    public TemplateInstance roster(@QueryParam("status") String status, @QueryParam("sort") String sort,
            @QueryParam("cursor") String cursor, @QueryParam("done") String done) {
        return page(status, sort, cursor, done, null);
    }

    @GET
    @Path("roster.csv")
    @Produces({"text/csv", MediaType.TEXT_PLAIN})
    public Response csv(@QueryParam("status") String status, @QueryParam("sort") String sort) {
        return api.download(user.token(), rosterPath() + GatewayApi.query(filters(status, sort)), "text/csv")
                .asAttachment("recert-roster.csv", "The roster");
    }

    @POST
    @Path("members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@RestForm String learnerId, @RestForm String staffRef, @RestForm(FormToken.FIELD) String csrf) {
        formToken.verify(csrf);
        String learner = learnerId == null ? "" : learnerId.trim();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("staffRef", staffRef == null || staffRef.isBlank() ? null : staffRef.trim());
        Answer answer = api.send(user.token(), "PUT", membersPath() + "/" + GatewayApi.segment(learner.isEmpty() ? "-" : learner),
                body, Map.of());
        if (answer.ok()) {
            return Response.seeOther(URI.create("/roster?done=added")).build();
        }
        return Response.status(422).entity(page(null, null, null, null, LearnerPages.problemOf(answer))).build();
    }

    @POST
    @Path("members/{learnerId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("learnerId") String learnerId, @RestForm(FormToken.FIELD) String csrf) {
        formToken.verify(csrf);
        Answer answer = api.send(user.token(), "DELETE", membersPath() + "/" + GatewayApi.segment(learnerId), null, Map.of());
        if (answer.ok()) {
            return Response.seeOther(URI.create("/roster?done=removed")).build();
        }
        return Response.status(422).entity(page(null, null, null, null, LearnerPages.problemOf(answer))).build();
    }

    private TemplateInstance page(String status, String sort, String cursor, String done, Answer.Problem problem) {
        Map<String, String> query = filters(status, sort);
        Map<String, String> paged = new LinkedHashMap<>(query);
        paged.put("cursor", cursor);
        paged.put("limit", "25");
        return roster.data("user", user).data("status", status == null ? "" : status).data("sort", sort == null ? "" : sort)
                .data("statuses", Vocabulary.STATUSES).data("query", GatewayApi.query(query)).data("done", done).data("problem", problem)
                .data("roster", api.get(user.token(), rosterPath() + GatewayApi.query(paged)));
    }

    private static Map<String, String> filters(String status, String sort) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("status", status);
        query.put("sort", sort);
        return query;
    }

    private String organization() {
        String org = user.organization();
        if (!user.isEmployer() || org == null || org.isBlank()) {
            throw new ForbiddenException("the roster is for an employer's staff");
        }
        return org;
    }

    private String rosterPath() {
        return "/compliance/organizations/" + GatewayApi.segment(organization()) + "/roster";
    }

    private String membersPath() {
        return "/compliance/organizations/" + GatewayApi.segment(organization()) + "/members";
    }
}
