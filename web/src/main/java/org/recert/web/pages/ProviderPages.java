package org.recert.web.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.recert.web.api.Answer;
import org.recert.web.api.GatewayApi;

/** A provider's page: upload a completion report (CSV or JSON, as the API takes them) and read each row's outcome. */
@Path("/reports")
@Produces(MediaType.TEXT_HTML)
public class ProviderPages {

    private final SignedInUser user;
    private final FormToken formToken;
    private final GatewayApi api;
    private final Template reports;

    public ProviderPages(SignedInUser user, FormToken formToken, GatewayApi api, @Location("provider/reports") Template reports) {
        this.user = user;
        this.formToken = formToken;
        this.api = api;
        this.reports = reports;
    }

    @GET
    public TemplateInstance form() {
        return reports.data("user", user).data("result", null).data("problem", null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("report") FileUpload report, @RestForm(FormToken.FIELD) String csrf) {
        formToken.verify(csrf);
        if (report == null || report.size() == 0) {
            return Response.status(422).entity(page(null, new Answer.Problem("No report",
                    "choose a CSV or JSON file", Map.of("report", "choose a CSV or JSON file")))).build();
        }
        String name = report.fileName() == null ? "" : report.fileName().toLowerCase(Locale.ROOT);
        String type = name.endsWith(".json") || "application/json".equals(report.contentType()) ? "application/json" : "text/csv";
        Answer answer = api.upload(user.token(), "/credits/completion-reports", type, bytes(report));
        if (answer.ok()) {
            return Response.ok(page(answer, null)).build();
        }
        return Response.status(422).entity(page(null, LearnerPages.problemOf(answer))).build();
    }

    private TemplateInstance page(Answer result, Answer.Problem problem) {
        return reports.data("user", user).data("result", result).data("problem", problem);
    }

    private static byte[] bytes(FileUpload upload) {
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded report", e);
        }
    }
}
