package org.recert.gateway.dashboard;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import org.jboss.logging.Logger;
import org.recert.gateway.config.GatewayConfig;
import org.recert.gateway.routing.Upstream;
import org.recert.gateway.routing.UpstreamFailure;
import org.recert.gateway.routing.UpstreamSpans;
import org.recert.gateway.routing.Upstreams;
import org.recert.platform.web.TraceContext;

/**
 * Composes the learner's dashboard from three calls made at once, each with its own timeout and the service's circuit
 * breaker: compliance's overview (each credential's status and plan: those always shown, then every other one the
 * learner holds, one evaluation per credential), the latest credits, and the suggested courses (the same for every
 * learner, so an answer is shared by the dashboards of the next few seconds: {@link SharedPart}). A part that fails
 * becomes {@code {"available": false, "reason": ...}}; the dashboard itself always answers.
 */
@ApplicationScoped
public class DashboardComposer {

    private static final Logger LOG = Logger.getLogger(DashboardComposer.class);

    private final Upstream catalog;
    private final Upstream credits;
    private final Upstream compliance;
    private final GatewayConfig.Dashboard config;
    private final ObjectMapper json;
    private final UpstreamSpans spans;
    private final Clock clock = Clock.systemUTC();
    /** The credentials always shown, as the overview's query asks for them. */
    private final String shown;
    private final SharedPart suggestions;

    public DashboardComposer(Upstreams upstreams, GatewayConfig config, ObjectMapper json, UpstreamSpans spans) {
        this.spans = spans;
        this.catalog = upstreams.named("catalog");
        this.credits = upstreams.named("credits");
        this.compliance = upstreams.named("compliance");
        this.config = config.dashboard();
        this.json = json;
        this.shown = this.config.credentials().stream().distinct()
                .map(credential -> "credential=" + URLEncoder.encode(credential, StandardCharsets.UTF_8))
                .reduce((a, b) -> a + "&" + b).map(query -> "?" + query).orElse("");
        this.suggestions = new SharedPart(this.config.suggestedCoursesFreshFor());
    }

    public Future<Dashboard> compose(String learnerId, Forwarded forwarded) {
        String learner = URLEncoder.encode(learnerId, StandardCharsets.UTF_8);
        Future<Part> recent = part(credits, "/api/v1/credits/learners/" + learner + "/credits?limit=" + config.recentCredits(), forwarded);
        Future<Part> suggested = suggestions.get(() -> part(catalog, "/api/v1/catalog/courses?" + config.suggestedCourses(), forwarded));
        Future<Part> overview = part(compliance, "/api/v1/compliance/learners/" + learner + "/overview" + shown, forwarded);
        // every part recovers into a Part, so this never fails
        return Future.join(recent, suggested, overview).transform(ignored -> {
            List<CredentialCard> cards = cards(overview.result());
            boolean complete = overview.result().available() && recent.result().available() && suggested.result().available()
                    && cards.stream().allMatch(card -> card.status().available() && card.cheapestPlan().available());
            return Future.succeededFuture(new Dashboard(learnerId, Instant.now(clock), complete, cards, recent.result(),
                    suggested.result()));
        });
    }

    /**
     * One card per credential of the overview; without one, a card per credential always shown, each part saying why.
     */
    private List<CredentialCard> cards(Part overview) {
        List<CredentialCard> cards = new ArrayList<>();
        if (!overview.available() || overview.data() == null) {
            Part missing = overview.available() ? Part.missing(compliance.name() + " answered no overview") : overview;
            for (String credential : new LinkedHashSet<>(config.credentials())) {
                cards.add(new CredentialCard(credential, null, missing, missing));
            }
            return cards;
        }
        for (JsonNode item : overview.data().path("credentials")) {
            Part status = itemPart(item, "status", "statusProblem");
            cards.add(new CredentialCard(item.path("credential").asText(), summary(status), status, itemPart(item, "plan", "planProblem")));
        }
        return cards;
    }

    /** An overview entry's status or plan, or the reason the service's own endpoint would have given for its problem. */
    private Part itemPart(JsonNode item, String field, String problemField) {
        JsonNode data = item.get(field);
        if (data != null && data.isObject()) {
            return Part.of(data);
        }
        JsonNode problem = item.path(problemField);
        return Part.missing(reason(compliance, problem.path("status").asInt(500), problem.path("detail").asText(null)));
    }

    private Future<Part> part(Upstream upstream, String uri, Forwarded forwarded) {
        if (!upstream.breaker().tryAcquire()) {
            return Future.succeededFuture(Part.missing(upstream.name() + " is unavailable"));
        }
        HttpRequest<Buffer> request = upstream.webClient()
                .request(HttpMethod.GET, upstream.requestOptions(uri, config.partTimeout()))
                .putHeader("Accept", "application/json");
        forwarded.headers().forEach(request::putHeader);
        Span span = spans.start(TraceContext.parent(forwarded.traceparent()), upstream, "GET", uri);
        String traceparent = UpstreamSpans.traceparent(span);
        if (traceparent != null) {
            request.putHeader(TraceContext.HEADER, traceparent);
        }
        return request.send().transform(outcome -> {
            if (outcome.failed()) {
                UpstreamSpans.failed(span, outcome.cause());
                upstream.breaker().onFailure();
                LOG.warnf("dashboard part %s failed: %s", uri, outcome.cause().toString());
                return Future.succeededFuture(Part.missing(UpstreamFailure.reason(upstream, outcome.cause())));
            }
            HttpResponse<Buffer> response = outcome.result();
            int status = response.statusCode();
            UpstreamSpans.answered(span, status);
            if (status >= 502 && status <= 504) {
                upstream.breaker().onFailure();
            } else {
                upstream.breaker().onSuccess();
            }
            return Future.succeededFuture(toPart(upstream, response));
        });
    }

    private Part toPart(Upstream upstream, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status == 200) {
            try {
                return Part.of(json.readTree(response.body() == null ? new byte[0] : response.body().getBytes()));
            } catch (IOException e) {
                return Part.missing(upstream.name() + " answered something that is not JSON");
            }
        }
        return Part.missing(reason(upstream, status, status >= 500 ? null : detail(response)));
    }

    /** Why a part is missing, from the service's status and its problem's detail (its own words, when it sent any). */
    private static String reason(Upstream upstream, int status, String detail) {
        if (status >= 500) {
            return upstream.name() + " is unavailable";
        }
        if (detail != null) {
            return detail;
        }
        if (status == 404) {
            return "not found";
        }
        if (status == 401 || status == 403) {
            return "not allowed";
        }
        return upstream.name() + " refused with status " + status;
    }

    /** The service's problem detail when it sent one. */
    private String detail(HttpResponse<Buffer> response) {
        try {
            JsonNode problem = response.body() == null ? null : json.readTree(response.body().getBytes());
            if (problem != null && problem.hasNonNull("detail")) {
                return problem.get("detail").asText();
            }
        } catch (IOException e) {
            // not a problem document: the status says enough
        }
        return null;
    }

    static CredentialCard.Summary summary(Part status) {
        if (!status.available() || status.data() == null || !status.data().isObject()) {
            return null;
        }
        JsonNode data = status.data();
        List<CredentialCard.Shortfall> shortfalls = new ArrayList<>();
        BigDecimal total = null;
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode requirement : data.path("requirements")) {
            BigDecimal shortfall = requirement.path("shortfall").isNumber() ? requirement.path("shortfall").decimalValue() : BigDecimal.ZERO;
            String code = requirement.path("code").asText();
            if ("TOTAL".equals(code)) {
                total = shortfall;
            }
            if (shortfall.signum() > 0) {
                shortfalls.add(new CredentialCard.Shortfall(code, shortfall));
                sum = sum.add(shortfall);
            }
        }
        return new CredentialCard.Summary(
                data.path("status").asText(null),
                date(data.path("dueDate").asText(null)),
                data.path("daysRemaining").isNumber() ? data.path("daysRemaining").asInt() : null,
                total != null ? total : sum,
                shortfalls);
    }

    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
