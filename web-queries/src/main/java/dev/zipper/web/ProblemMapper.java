package dev.zipper.web;

import dev.zipper.domain.IllegalTransition;
import dev.zipper.domain.InvalidCommand;
import dev.zipper.domain.UnknownAggregate;
import dev.zipper.eventstore.ConcurrencyConflict;
import dev.zipper.eventstore.EventLogFailure;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error leaves as a problem detail with the status that fits it. */
@Provider
public class ProblemMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Exception thrown) {
        // a container that does not honour ejb-jar.xml's application exceptions wraps the refusal
        Exception e = thrown instanceof EJBException ejb && ejb.getCausedByException() != null
                ? ejb.getCausedByException() : thrown;
        if (e instanceof InvalidCommand) {
            return Problem.response(Status.BAD_REQUEST, "Invalid request", e.getMessage());
        }
        if (e instanceof UnknownAggregate) {
            return Problem.response(Status.NOT_FOUND, "Not found", e.getMessage());
        }
        if (e instanceof IllegalTransition) {
            return Problem.response(Status.CONFLICT, "Illegal transition", e.getMessage());
        }
        if (e instanceof ConcurrencyConflict) {
            return Problem.response(Status.CONFLICT, "Concurrent change", e.getMessage());
        }
        if (e instanceof EventLogFailure) {
            LOG.log(Level.WARNING, "Event store unavailable", e);
            return Problem.response(Status.SERVICE_UNAVAILABLE, "Event store unavailable",
                    "The event store cannot be reached; nothing was written. Try again later.");
        }
        if (e instanceof WebApplicationException web) {
            return Problem.response(web.getResponse().getStatusInfo(), web.getResponse().getStatusInfo().getReasonPhrase(),
                    e.getMessage());
        }
        LOG.log(Level.SEVERE, "Unexpected failure", e);
        return Problem.response(Status.INTERNAL_SERVER_ERROR, "Internal error", "The request failed; see the server log.");
    }
}
