package org.recert.web.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** Where the identity provider sends the browser back after sign-out; needs no session. */
@Path("/signed-out")
public class SignedOutPage {

    private final Template signedOut;

    public SignedOutPage(@Location("signed-out") Template signedOut) {
        this.signedOut = signedOut;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get() {
        return signedOut.instance();
    }
}
