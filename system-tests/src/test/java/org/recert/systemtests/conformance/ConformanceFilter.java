package org.recert.systemtests.conformance;

import java.net.URI;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/** Checks every rest-assured exchange with the gateway against its merged OpenAPI document ({@link OpenApiConformance}). */
public final class ConformanceFilter implements Filter {

    private final String gatewayUrl;

    public ConformanceFilter(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext context) {
        Response response = context.next(request, responseSpec);
        String uri = request.getURI();
        if (uri.startsWith(gatewayUrl)) {
            URI parsed = URI.create(uri);
            String pathAndQuery = parsed.getRawPath() + (parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery());
            Object body = request.getBody();
            String requestBody = body == null ? null : body instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : body.toString();
            OpenApiConformance.of(gatewayUrl).verify(new OpenApiConformance.Exchange(request.getMethod(), pathAndQuery,
                    request.getContentType(), requestBody, response.getStatusCode(), response.getContentType(), response.asString()));
        }
        return response;
    }
}
