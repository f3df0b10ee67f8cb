package dev.zipper.http;

import dev.zipper.commands.KeyAlreadyUsed;
import dev.zipper.domain.IllegalTransition;
import dev.zipper.domain.InvalidCommand;
import dev.zipper.domain.UnknownAggregate;
import dev.zipper.eventstore.ConcurrencyConflict;
import dev.zipper.eventstore.EventLogFailure;
import jakarta.ejb.EJBException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error leaves as a problem detail of a known {@link ProblemType}: Zipper's own refusals, the
 * container's (no resource, method, media type), and anything unexpected. Details name what was wrong
 * in Zipper's words; framework messages and stack traces stay out of answers.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    private HttpServletRequest servletRequest;

    @Context
    private Request request;

    @Context
    private HttpHeaders headers;

    @Context
    private Providers providers;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable e = unwrapped(thrown);
        if (e instanceof KeyAlreadyUsed taken) {
            return providers.getExceptionMapper(KeyAlreadyUsed.class).toResponse(taken);
        }
        if (e instanceof RequestRefused refused) {
            return refused.getResponse();
        }
        if (e instanceof InvalidCommand) {
            return ProblemType.INVALID_REQUEST.response(e.getMessage());
        }
        if (e instanceof UnknownAggregate) {
            return ProblemType.NOT_FOUND.response(e.getMessage());
        }
        if (e instanceof IllegalTransition) {
            return ProblemType.ILLEGAL_TRANSITION.response(e.getMessage());
        }
        if (e instanceof ConcurrencyConflict) {
            // the version came from If-Match: RFC 9110's answer to a failed precondition
            return (headers.getHeaderString(HttpHeaders.IF_MATCH) != null ? ProblemType.PRECONDITION_FAILED
                    : ProblemType.CONCURRENT_CHANGE).response(e.getMessage());
        }
        if (e instanceof EventLogFailure) {
            LOG.warning(() -> "Event store unavailable: " + e.getCause());
            return Problem.builder(ProblemType.UNAVAILABLE,
                    "The event store cannot be reached; nothing was written. Try again later.")
                    .header(HttpHeaders.RETRY_AFTER, 1).build();
        }
        if (e instanceof WebApplicationException web) {
            return containerRefusal(web);
        }
        if (e instanceof IllegalArgumentException && e.getCause() instanceof URISyntaxException) {
            // a path with a malformed escape, refused by a filter of the server's (its tracing) before the API
            // saw it: the API's own answer to such a path
            return ProblemType.NOT_FOUND.response("Nothing at " + path());
        }
        LOG.log(Level.SEVERE, "Unexpected failure of " + request.getMethod() + " " + path(), e);
        return ProblemType.INTERNAL.response("The request failed; see the server log.");
    }

    private static Throwable unwrapped(Throwable thrown) {
        // a container that does not honour ejb-jar.xml's application exceptions wraps the refusal
        if (thrown instanceof EJBException ejb && ejb.getCausedByException() != null) {
            return ejb.getCausedByException();
        }
        // an asynchronous answer's failure
        return thrown instanceof CompletionException && thrown.getCause() != null ? unwrapped(thrown.getCause()) : thrown;
    }

    /** The path as the client sent it (not decoded, so one that would not parse as a URI still reads), for details. */
    private String path() {
        return servletRequest.getRequestURI();
    }

    /** The container's own refusals, which carry the status but no words fit for a client. */
    private Response containerRefusal(WebApplicationException e) {
        if (e instanceof NotFoundException) {
            return ProblemType.NOT_FOUND.response("Nothing at " + path());
        }
        if (e instanceof NotAllowedException) {
            Set<String> allowed = new TreeSet<>(e.getResponse().getAllowedMethods());
            return Problem.builder(ProblemType.METHOD_NOT_ALLOWED, request.getMethod() + " is not allowed on "
                    + path() + "; allowed: " + String.join(", ", allowed)).allow(allowed).build();
        }
        if (e instanceof NotAcceptableException) {
            return ProblemType.NOT_ACCEPTABLE.response("This resource answers application/json only");
        }
        if (e instanceof NotSupportedException) {
            return ProblemType.UNSUPPORTED_MEDIA_TYPE.response("Send the body as application/json (UTF-8)");
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.log(Level.SEVERE, "Container failure of " + request.getMethod() + " " + path(), e);
            return ProblemType.INTERNAL.response("The request failed; see the server log.");
        }
        LOG.fine(() -> "Refused " + request.getMethod() + " " + path() + ": " + e);
        return ProblemType.INVALID_REQUEST.response("The request is malformed (" + status + " "
                + e.getResponse().getStatusInfo().getReasonPhrase() + ")");
    }
}
