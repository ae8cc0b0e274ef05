package org.recert.gateway.devtokens;

import java.util.LinkedHashSet;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recert.gateway.config.GatewayConfig;
import org.recert.platform.security.DevTokens;

/**
 * Mints tokens with the local dev key, for the local stack and demos. It exists only where
 * recert.gateway.dev-tokens.enabled is true (dev, test, local); anywhere else it answers 404 like any unknown path.
 */
@Path("/dev/tokens")
@Tag(name = "Local tokens", description = "Local stack only: mint demo tokens")
public class DevTokenResource {

    private final GatewayConfig config;
    private final DevTokens tokens;

    public DevTokenResource(GatewayConfig config, DevTokens tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    /** The minted token. */
    @Schema(name = "DevToken")
    public record Token(@Schema(examples = "eyJhbGciOiJSUzI1NiJ9...") String token) {
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(operationId = "mintDevToken", summary = "Mint a local token", description = "Signs a token with the local dev key for the given claims. "
            + "Exists only on the local stack; production answers 404.")
    @APIResponse(responseCode = "200", description = "The token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Token.class)))
    @APIResponse(responseCode = "400", description = "A claim is invalid")
    @APIResponse(responseCode = "404", description = "Not on this stack")
    public Token mint(@Valid @NotNull TokenRequest request) {
        if (!config.devTokens().enabled()) {
            throw new NotFoundException();
        }
        return new Token(tokens.mint(request.sub(), new LinkedHashSet<>(request.groups()), request.org(), request.provider(),
                config.devTokens().lifetime()));
    }
}
