package org.recert.web.pages;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import org.recert.web.api.GatewayApi;

/** The course catalog, for everyone signed in: search with filters, and each course with its six quality findings. */
@Path("/catalog")
@Produces(MediaType.TEXT_HTML)
public class CatalogPages {


    private final SignedInUser user;
    private final GatewayApi api;
    private final Template search;
    private final Template course;

    public CatalogPages(SignedInUser user, GatewayApi api, @Location("catalog/search") Template search,
            @Location("catalog/course") Template course) {
        this.user = user;
        this.api = api;
        this.search = search;
        this.course = course;
    }

    @GET
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("free") String free,
            @QueryParam("approval") String approval, @QueryParam("category") String category,
            @QueryParam("format") String format, @QueryParam("maxFee") String maxFee, @QueryParam("cursor") String cursor) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", q);
        filters.put("free", "true".equals(free) ? "true" : null);
        filters.put("approval", approval);
        filters.put("category", category);
        filters.put("format", format);
        filters.put("maxFee", maxFee);
        Map<String, String> query = new LinkedHashMap<>(filters);
        query.put("cursor", cursor);
        query.put("limit", "20");
        Map<String, String> shown = new LinkedHashMap<>();
        filters.forEach((name, value) -> shown.put(name, value == null ? "" : value));
        return search.data("user", user).data("filters", shown).data("categories", Vocabulary.CATEGORIES)
                .data("formats", Vocabulary.COURSE_FORMATS)
                .data("next", GatewayApi.query(filters))
                .data("courses", api.get(user.token(), "/catalog/courses" + GatewayApi.query(query)));
    }

    @GET
    @Path("{id}")
    public TemplateInstance course(@PathParam("id") String id) {
        String path = "/catalog/courses/" + GatewayApi.segment(id);
        return course.data("user", user).data("course", api.get(user.token(), path))
                .data("quality", api.get(user.token(), path + "/quality"));
    }
}
