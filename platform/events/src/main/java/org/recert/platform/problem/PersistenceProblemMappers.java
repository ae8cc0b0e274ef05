package org.recert.platform.problem;

import java.util.Map;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problem answers for failures of the storage layer, where there is one. */
public class PersistenceProblemMappers {

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return ProblemMappers.respond(
                ProblemException.conflict("the record was changed concurrently; read it again and retry").toProblem(), Map.of(), uri);
    }
}
