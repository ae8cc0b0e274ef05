package org.recert.gateway.dashboard;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
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
 * becomes {@code {"available": false, "reason": ...}}; the dashboard itself always answers. The services' JSON is
 * passed on as it came, read once by a {@link PartReader} (checked, cut into parts, the summary's few fields taken).
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
    private final PartReader reader;

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
        this.reader = new PartReader(json.getFactory());
    }

    public Future<Dashboard> compose(String learnerId, Forwarded forwarded) {
        String learner = URLEncoder.encode(learnerId, StandardCharsets.UTF_8);
        Future<Part> recent = fetch(credits, "/api/v1/credits/learners/" + learner + "/credits?limit=" + config.recentCredits(), forwarded)
                .map(answer -> part(credits, answer));
        Future<Part> suggested = suggestions.get(() -> fetch(catalog, "/api/v1/catalog/courses?" + config.suggestedCourses(), forwarded)
                .map(answer -> part(catalog, answer)));
        Future<Overview> overview = fetch(compliance, "/api/v1/compliance/learners/" + learner + "/overview" + shown, forwarded)
                .map(this::overview);
        // every fetch recovers into an answer, so this never fails
        return Future.join(recent, suggested, overview).transform(ignored -> {
            List<CredentialCard> cards = cards(overview.result());
            boolean complete = overview.result().missing() == null && recent.result().available() && suggested.result().available()
                    && cards.stream().allMatch(card -> card.status().available() && card.cheapestPlan().available());
            return Future.succeededFuture(new Dashboard(learnerId, Instant.now(clock), complete, cards, recent.result(),
                    suggested.result()));
        });
    }

    /** A service's answer: the body of its 200, or (body null) the part that says why there is none. */
    private record Answer(byte[] body, Part missing) {
    }

    /** Compliance's overview read: its entries, or (entries null) the part that says why there are none. */
    private record Overview(List<PartReader.Item> items, Part missing) {
    }

    /** The part an answer makes: the service's JSON as it came, once checked to be one JSON value. */
    private Part part(Upstream upstream, Answer answer) {
        if (answer.missing() != null) {
            return answer.missing();
        }
        try {
            return Part.of(reader.value(answer.body()));
        } catch (IOException e) {
            return Part.missing(upstream.name() + " answered something that is not JSON");
        }
    }

    private Overview overview(Answer answer) {
        if (answer.missing() != null) {
            return new Overview(null, answer.missing());
        }
        try {
            return new Overview(reader.overview(answer.body()), null);
        } catch (IOException e) {
            return new Overview(null, Part.missing(compliance.name() + " answered something that is not JSON"));
        }
    }

    /**
     * One card per credential of the overview; without one, a card per credential always shown, each part saying why.
     */
    private List<CredentialCard> cards(Overview overview) {
        List<CredentialCard> cards = new ArrayList<>();
        if (overview.missing() != null) {
            for (String credential : new LinkedHashSet<>(config.credentials())) {
                cards.add(new CredentialCard(credential, null, overview.missing(), overview.missing()));
            }
            return cards;
        }
        for (PartReader.Item item : overview.items()) {
            cards.add(new CredentialCard(item.credential(), item.summary(), entryPart(item.status()), entryPart(item.plan())));
        }
        return cards;
    }

    /** An overview entry's status or plan, or the reason the service's own endpoint would have given for its problem. */
    private Part entryPart(PartReader.Entry entry) {
        if (entry.json() != null) {
            return Part.of(entry.json());
        }
        return Part.missing(reason(compliance, entry.problemStatus(), entry.problemDetail()));
    }

    private Future<Answer> fetch(Upstream upstream, String uri, Forwarded forwarded) {
        if (!upstream.breaker().tryAcquire()) {
            return Future.succeededFuture(new Answer(null, Part.missing(upstream.name() + " is unavailable")));
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
                return Future.succeededFuture(new Answer(null, Part.missing(UpstreamFailure.reason(upstream, outcome.cause()))));
            }
            HttpResponse<Buffer> response = outcome.result();
            int status = response.statusCode();
            UpstreamSpans.answered(span, status);
            if (status >= 502 && status <= 504) {
                upstream.breaker().onFailure();
            } else {
                upstream.breaker().onSuccess();
            }
            if (status == 200) {
                return Future.succeededFuture(new Answer(response.body() == null ? new byte[0] : response.body().getBytes(), null));
            }
            return Future.succeededFuture(new Answer(null, Part.missing(reason(upstream, status, status >= 500 ? null : detail(response)))));
        });
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
}
