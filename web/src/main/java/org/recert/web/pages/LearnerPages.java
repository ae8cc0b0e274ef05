package org.recert.web.pages;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import static org.recert.web.pages.FormValues.blankToNull;
import static org.recert.web.pages.FormValues.number;
import static org.recert.web.pages.FormValues.text;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestForm;
import org.recert.web.api.Answer;
import org.recert.web.api.CredentialRules;
import org.recert.web.api.GatewayApi;

/**
 * A learner's pages: the dashboard, recording a credit, the credit history, the transcript, the cheapest plan, the
 * catalog and consents. Each calls the gateway's API as the signed-in learner and renders what it answers.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LearnerPages {

    private static final String CREDENTIAL = "CMA_AAMA";
    /** The API fields the form shows beside an input; others are listed at the end of the form. */
    private static final java.util.Set<String> FORM_FIELDS = java.util.Set.of("title", "providerName", "activityType",
            "completedOn", "amount.unit", "amount.value", "amount", "categories[0].value", "categories", "approval",
            "contactMinutes");

    private final SignedInUser user;
    private final FormToken formToken;
    private final GatewayApi api;
    private final CredentialRules rules;
    private final Template dashboard;
    private final Template creditForm;
    private final Template creditList;
    private final Template planPage;
    private final Template consentPage;
    private final Template creditPage;

    public LearnerPages(SignedInUser user, FormToken formToken, GatewayApi api, CredentialRules rules, @Location("learner/dashboard") Template dashboard,
            @Location("learner/credit-form") Template creditForm, @Location("learner/credits") Template creditList,
            @Location("learner/plan") Template planPage, @Location("learner/consents") Template consentPage,
            @Location("learner/credit") Template creditPage) {
        this.user = user;
        this.formToken = formToken;
        this.api = api;
        this.rules = rules;
        this.dashboard = dashboard;
        this.creditForm = creditForm;
        this.creditList = creditList;
        this.planPage = planPage;
        this.consentPage = consentPage;
        this.creditPage = creditPage;
    }

    /** The home page: a learner's dashboard; anyone else goes to their own first page. */
    @GET
    public Response home() {
        if (!user.isLearner()) {
            String first = user.isEmployer() ? "/roster" : user.isProvider() ? "/reports" : user.isCurator() ? "/courses" : "/catalog";
            return Response.seeOther(URI.create(first)).build();
        }
        return Response.ok(dashboard.data("user", user).data("dashboard", api.get(user.token(), "/me/dashboard"))
                .data("names", Names.of(rules.credentials(user.token()), api.get(user.token(), creditsPath() + "?limit=200")))
                .data("reminders", api.get(user.token(), "/notifications/me?limit=5")).data("back", "/")).build();
    }

    @GET
    @Path("credits/new")
    public TemplateInstance newCredit() {
        return creditForm(CreditForm.EMPTY, null, UUID.randomUUID().toString());
    }

    /**
     * Records a credit; the API's refusal comes back as the form with each field's message beside it. The
     * idempotency key was minted with the form, so a double submit records one credit.
     */
    @POST
    @Path("credits")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordCredit(@RestForm String activityType, @RestForm String title, @RestForm String providerName,
            @RestForm String completedOn, @RestForm String amount, @RestForm String unit, @RestForm String category,
            @RestForm String approval, @RestForm String contactMinutes, @RestForm String idempotencyKey,
            @RestForm(FormToken.FIELD) String csrf) {
        formToken.verify(csrf);
        CreditForm form = new CreditForm(activityType, title, providerName, completedOn, amount, unit, category, approval,
                contactMinutes);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
        Answer answer = api.send(user.token(), "POST", creditsPath(), form.toRequest(), Map.of("Idempotency-Key", key));
        if (answer.ok()) {
            return Response.seeOther(URI.create("/credits?recorded=" + GatewayApi.segment(form.title()))).build();
        }
        Answer.Problem problem = answer.problem() != null ? answer.problem()
                : new Answer.Problem("Not recorded", answer.message(), Map.of());
        // a refusal is the user's to fix: the same form, the same key (nothing was recorded), the messages
        return Response.status(answer.problem() != null ? 422 : 503)
                .entity(creditForm(form, problem, key)).build();
    }

    @GET
    @Path("credits")
    public TemplateInstance credits(@QueryParam("recorded") String recorded, @QueryParam("done") String done) {
        return creditList.data("user", user).data("recorded", recorded).data("done", done)
                .data("credits", api.get(user.token(), creditsPath() + "?limit=100"));
    }

    /** One credit with every version (corrections and the revocation, each with its reason), and what can be done to it. */
    @GET
    @Path("credits/{creditId}")
    public TemplateInstance credit(@PathParam("creditId") String creditId) {
        return creditPage(creditId, null, null);
    }

    /**
     * Corrects a credit: only the fields that differ from the current version go to the API (the others keep their
     * values), with the reason and the version the form was made from (If-Match), so a change made meanwhile is refused.
     */
    @POST
    @Path("credits/{creditId}/corrections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response correct(@PathParam("creditId") String creditId, @RestForm String activityType, @RestForm String title,
            @RestForm String providerName, @RestForm String completedOn, @RestForm String amount, @RestForm String unit,
            @RestForm String category, @RestForm String approval, @RestForm String contactMinutes, @RestForm String reason,
            @RestForm String version, @RestForm(FormToken.FIELD) String csrf) {
        formToken.verify(csrf);
        CreditForm form = new CreditForm(activityType, title, providerName, completedOn, amount, unit, category, approval,
                contactMinutes);
        Answer current = api.get(user.token(), creditPath(creditId));
        if (!current.ok()) {
            return Response.status(current.problem() != null ? 422 : 503).entity(creditPage(creditId, form, problemOf(current))).build();
        }
        Map<String, Object> body = form.changesFrom(CreditForm.of(current.object()));
        body.put("reason", reason == null || reason.isBlank() ? null : reason.trim());
        Answer answer = api.send(user.token(), "POST", creditPath(creditId) + "/corrections", body, FormValues.ifMatch(version));
        if (answer.ok()) {
            return Response.seeOther(URI.create("/credits?done=corrected")).build();
        }
        return Response.status(answer.problem() != null ? 422 : 503).entity(creditPage(creditId, form, problemOf(answer))).build();
    }

    /** Revokes a credit with the reason; the ledger keeps every version. */
    @POST
    @Path("credits/{creditId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("creditId") String creditId, @RestForm String revokeReason, @RestForm String version,
            @RestForm(FormToken.FIELD) String csrf) {
        formToken.verify(csrf);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("reason", revokeReason);
        Answer answer = api.send(user.token(), "DELETE", creditPath(creditId) + GatewayApi.query(query), null, FormValues.ifMatch(version));
        if (answer.ok()) {
            return Response.seeOther(URI.create("/credits?done=revoked")).build();
        }
        Answer.Problem problem = problemOf(answer);
        // the API names the query parameter "reason"; on this page the revocation's reason is its own field
        String reasonError = problem.errorFor("reason");
        if (reasonError != null) {
            problem.fieldErrors().remove("reason");
            problem.fieldErrors().put("revokeReason", reasonError);
        }
        return Response.status(answer.problem() != null ? 422 : 503).entity(creditPage(creditId, null, problem)).build();
    }

    private TemplateInstance creditPage(String creditId, CreditForm typed, Answer.Problem problem) {
        Answer history = api.get(user.token(), creditPath(creditId) + "?versions=all");
        CreditForm form = typed;
        if (form == null) {
            Object versions = history.object().get("versions");
            form = versions instanceof List<?> list && !list.isEmpty() && list.get(list.size() - 1) instanceof Map<?, ?> last
                    ? CreditForm.of(castMap(last)) : CreditForm.EMPTY;
        }
        Answer credentials = rules.credentials(user.token());
        return creditPage.data("user", user).data("history", history).data("form", form).data("problem", problem)
                .data("activityTypes", Vocabulary.ACTIVITY_TYPES).data("categories", Vocabulary.CATEGORIES).data("knownFields", FORM_FIELDS)
                .data("unitsUnavailable", unitsUnavailable(credentials)).data("units", UnitWorth.of(credentials));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }


    private String creditsPath() {
        return "/credits/learners/" + GatewayApi.segment(user.id()) + "/credits";
    }

    private String creditPath(String creditId) {
        return creditsPath() + "/" + GatewayApi.segment(creditId);
    }

    /** The transcript as the API writes it (CSV), downloaded through the web app so that the token stays here. */
    @GET
    @Path("transcript.csv")
    @Produces({"text/csv", MediaType.TEXT_HTML})
    public Response transcript() {
        return api.download(user.token(), "/credits/learners/" + GatewayApi.segment(user.id()) + "/transcript", "text/csv")
                .asAttachment("recert-transcript.csv", "The transcript");
    }

    @GET
    @Path("plan")
    public TemplateInstance plan(@QueryParam("budget") String budget, @QueryParam("approvedOnly") String approvedOnly) {
        boolean aamaOnly = "on".equals(approvedOnly) || "true".equals(approvedOnly);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("credential", CREDENTIAL);
        query.put("budget", budget);
        query.put("approvedOnly", aamaOnly ? "true" : null);
        Answer plan = api.get(user.token(), "/compliance/learners/" + GatewayApi.segment(user.id()) + "/plan"
                + GatewayApi.query(query));
        return planPage.data("user", user).data("plan", plan).data("budget", budget == null ? "" : budget)
                .data("approvedOnly", aamaOnly);
    }

    @GET
    @Path("consents")
    public TemplateInstance consents(@QueryParam("done") String done) {
        return consentsPage(null, done);
    }

    @POST
    @Path("consents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grant(@RestForm String organizationId, @RestForm(FormToken.FIELD) String csrf) {
        formToken.verify(csrf);
        Answer answer = api.send(user.token(), "POST", consentsPath(), Map.of("organizationId",
                organizationId == null ? "" : organizationId.trim()), Map.of());
        if (answer.ok()) {
            return Response.seeOther(URI.create("/consents?done=granted")).build();
        }
        return Response.status(422).entity(consentsPage(problemOf(answer), null)).build();
    }

    @POST
    @Path("consents/{organizationId}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("organizationId") String organizationId, @RestForm(FormToken.FIELD) String csrf) {
        formToken.verify(csrf);
        Answer answer = api.send(user.token(), "DELETE", consentsPath() + "/" + GatewayApi.segment(organizationId), null, Map.of());
        if (answer.ok()) {
            return Response.seeOther(URI.create("/consents?done=withdrawn")).build();
        }
        return Response.status(422).entity(consentsPage(problemOf(answer), null)).build();
    }

    private TemplateInstance consentsPage(Answer.Problem problem, String done) {
        return consentPage.data("user", user).data("consents", api.get(user.token(), consentsPath()))
                .data("problem", problem).data("done", done);
    }

    private TemplateInstance creditForm(CreditForm form, Answer.Problem problem, String idempotencyKey) {
        Answer credentials = rules.credentials(user.token());
        return creditForm.data("user", user).data("form", form).data("problem", problem)
                .data("idempotencyKey", idempotencyKey).data("activityTypes", Vocabulary.ACTIVITY_TYPES).data("categories", Vocabulary.CATEGORIES)
                .data("knownFields", FORM_FIELDS).data("unitsUnavailable", unitsUnavailable(credentials))
                .data("units", UnitWorth.of(credentials));
    }

    /** Why the form cannot say what each unit is worth (compliance did not answer), or null when it can. */
    private static String unitsUnavailable(Answer credentials) {
        return credentials.ok() ? null
                : "What each unit is worth for your credentials cannot be shown just now; Recert still converts it when the credit is recorded.";
    }

    private String consentsPath() {
        return "/compliance/learners/" + GatewayApi.segment(user.id()) + "/consents";
    }

    static Answer.Problem problemOf(Answer answer) {
        return answer.problem() != null ? answer.problem() : new Answer.Problem("Not done", answer.message(), Map.of());
    }

    /**
     * The record-a-credit form as typed (strings, so that a wrong value comes back as typed), and the API body it
     * makes: the amount in the unit as issued, all of it in one category.
     */
    @TemplateData
    public record CreditForm(String activityType, String title, String providerName, String completedOn, String amount,
                             String unit, String category, String approval, String contactMinutes) {

        static final CreditForm EMPTY = new CreditForm("ONLINE_WORKSHOP", "", "", "", "", "AAMA_CEU", "CLINICAL", "AAMA", "");

        /** A credit as the API answers it, as the form shows it (its first category stands for the split). */
        static CreditForm of(Map<String, Object> credit) {
            Map<?, ?> amount = credit.get("amount") instanceof Map<?, ?> map ? map : Map.of();
            String category = credit.get("categories") instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first
                    ? text(first.get("category")) : "";
            return new CreditForm(text(credit.get("activityType")), text(credit.get("title")), text(credit.get("providerName")),
                    text(credit.get("completedOn")), text(amount.get("value")), text(amount.get("unit")), category,
                    text(credit.get("approval")), text(credit.get("contactMinutes")));
        }

        /**
         * The fields of this form that differ from {@code current}, as a correction sends them; the amount and its
         * category go together, since the split must add up to the amount.
         */
        Map<String, Object> changesFrom(CreditForm current) {
            Map<String, Object> now = toRequest();
            Map<String, Object> before = current.toRequest();
            Map<String, Object> changes = new LinkedHashMap<>();
            now.forEach((field, value) -> {
                if (!java.util.Objects.equals(normalized(value), normalized(before.get(field)))) {
                    changes.put(field, value);
                }
            });
            if (changes.containsKey("amount") || changes.containsKey("categories")) {
                changes.put("amount", now.get("amount"));
                changes.put("categories", now.get("categories"));
            }
            return changes;
        }

        /** Numbers compare by value (2 and 2.0 are the same amount). */
        private static Object normalized(Object value) {
            if (value instanceof java.math.BigDecimal number) {
                return number.stripTrailingZeros();
            }
            if (value instanceof Map<?, ?> map) {
                Map<Object, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(k, normalized(v)));
                return copy;
            }
            if (value instanceof List<?> list) {
                return list.stream().map(CreditForm::normalized).toList();
            }
            return value;
        }


        Map<String, Object> toRequest() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("activityType", blankToNull(activityType));
            body.put("title", blankToNull(title));
            body.put("providerName", blankToNull(providerName));
            body.put("completedOn", blankToNull(completedOn));
            Object value = number(amount);
            body.put("amount", Map.of("value", value == null ? "" : value, "unit", unit == null ? "" : unit));
            List<Map<String, Object>> categories = new ArrayList<>();
            if (category != null && !category.isBlank()) {
                categories.add(Map.of("category", category, "value", value == null ? "" : value));
            }
            body.put("categories", categories);
            body.put("approval", blankToNull(approval));
            body.put("contactMinutes", number(contactMinutes));
            return body;
        }


    }
}
