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
import java.util.Set;

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
 * Composes the learner's dashboard from the services: the credentials the learner holds (and those always shown),
 * then each one's status and plan, all at once and alongside the latest credits, each call with its own timeout
 * and the service's circuit breaker. A part that fails becomes {@code {"available": false, "reason": ...}}; the
 * dashboard itself always answers.
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

    public DashboardComposer(Upstreams upstreams, GatewayConfig config, ObjectMapper json, UpstreamSpans spans) {
        this.spans = spans;
        this.catalog = upstreams.named("catalog");
        this.credits = upstreams.named("credits");
        this.compliance = upstreams.named("compliance");
        this.config = config.dashboard();
        this.json = json;
    }

    public Future<Dashboard> compose(String learnerId, Forwarded forwarded) {
        String learner = URLEncoder.encode(learnerId, StandardCharsets.UTF_8);
        Future<Part> recent = part(credits, "/api/v1/credits/learners/" + learner + "/credits?limit=" + config.recentCredits(), forwarded);
        Future<Part> suggested = part(catalog, "/api/v1/catalog/courses?" + config.suggestedCourses(), forwarded);
        Future<Part> held = part(compliance, "/api/v1/compliance/learners/" + learner + "/certifications", forwarded);
        return held.compose(certifications -> {
            List<String> credentials = credentials(certifications);
            List<Future<Part>> statuses = new ArrayList<>();
            List<Future<Part>> plans = new ArrayList<>();
            for (String credential : credentials) {
                String query = "?credential=" + URLEncoder.encode(credential, StandardCharsets.UTF_8);
                statuses.add(part(compliance, "/api/v1/compliance/learners/" + learner + "/status" + query, forwarded));
                plans.add(part(compliance, "/api/v1/compliance/learners/" + learner + "/plan" + query, forwarded));
            }
            List<Future<Part>> all = new ArrayList<>(statuses);
            all.addAll(plans);
            all.add(recent);
            all.add(suggested);
            // every part recovers into a Part, so this never fails
            return Future.join(all).transform(ignored -> {
                List<CredentialCard> cards = new ArrayList<>();
                for (int i = 0; i < credentials.size(); i++) {
                    Part status = statuses.get(i).result();
                    cards.add(new CredentialCard(credentials.get(i), summary(status), status, plans.get(i).result()));
                }
                boolean complete = certifications.available() && all.stream().allMatch(part -> part.result().available());
                return Future.succeededFuture(new Dashboard(learnerId, Instant.now(clock), complete, cards, recent.result(),
                        suggested.result()));
            });
        });
    }

    /** The credentials always shown, then every other one the learner holds (when the list could be fetched). */
    private List<String> credentials(Part certifications) {
        Set<String> credentials = new LinkedHashSet<>(config.credentials());
        if (certifications.available() && certifications.data() != null) {
            for (JsonNode certification : certifications.data().path("items")) {
                String credential = certification.path("credential").asText("");
                if (!credential.isBlank()) {
                    credentials.add(credential);
                }
            }
        }
        return List.copyOf(credentials);
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
        if (status == 404) {
            return Part.missing(detail(response, "not found"));
        }
        if (status == 401 || status == 403) {
            return Part.missing(detail(response, "not allowed"));
        }
        if (status >= 500) {
            return Part.missing(upstream.name() + " is unavailable");
        }
        return Part.missing(detail(response, upstream.name() + " refused with status " + status));
    }

    /** The service's problem detail when it sent one, so the learner sees the service's words. */
    private String detail(HttpResponse<Buffer> response, String fallback) {
        try {
            JsonNode problem = response.body() == null ? null : json.readTree(response.body().getBytes());
            if (problem != null && problem.hasNonNull("detail")) {
                return problem.get("detail").asText();
            }
        } catch (IOException e) {
            // not a problem document: the fallback says enough
        }
        return fallback;
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
