package dev.zipper.consistency;

import dev.zipper.commands.CommandResult;
import dev.zipper.http.ConsistencyHeaders;
import dev.zipper.http.ProblemType;
import dev.zipper.http.RequestRefused;
import dev.zipper.readside.Projection;
import dev.zipper.readside.ReadSide;
import dev.zipper.readside.RowWaits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Every command's answer carries the aggregate's new version as its {@code ETag} (for the next command's
 * {@code If-Match}) and the position of its last event in {@code Zipper-Position} (for a query's
 * {@code Zipper-Min-Position}). A command sent with {@code Zipper-Await-View: <view>} is answered once
 * that view shows its effect, so that a page loaded after it shows the change; past the wait
 * ({@code Prefer: wait=n}) it is answered anyway, marked {@code Zipper-Stale: true}: the command is done
 * either way. That wait holds the request's thread. A view that does not follow the command's aggregate
 * is not waited for. An unknown view is refused before the command runs.
 */
@Provider
@ApplicationScoped
public class CommandAnswers implements ContainerRequestFilter, ContainerResponseFilter {

    @Inject
    private ReadSide readSide;

    @Inject
    private RowWaits waits;

    @Inject
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String view = request.getHeaderString(ConsistencyHeaders.AWAIT_VIEW);
        if (view != null && projection(view).isEmpty()) {
            throw new RequestRefused(ProblemType.INVALID_REQUEST, "No view '" + view + "' to await; views: "
                    + readSide.projections().stream().map(Projection::name).collect(Collectors.joining(", ")));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof CommandResult result) {
            tag(response.getHeaders(), result);
            String view = request.getHeaderString(ConsistencyHeaders.AWAIT_VIEW);
            if (view != null) {
                projection(view).filter(p -> p.follows().streamType().equals(result.type()))
                        .ifPresent(p -> await(p, result, response.getHeaders()));
            }
        }
    }

    /** The headers of an answer to a command that ran. */
    public static void tag(MultivaluedMap<String, Object> headers, CommandResult result) {
        headers.putSingle("ETag", new EntityTag(String.valueOf(result.version())));
        headers.putSingle(ConsistencyHeaders.POSITION, result.position());
    }

    private void await(Projection<?, ?> projection, CommandResult result, MultivaluedMap<String, Object> headers) {
        long wait = Freshness.of(servletRequest).waitUpTo().toMillis();
        try {
            // timed out on the future itself, so that the wait is forgotten with it
            waits.until(projection.rows(), result.id(), result.version()).orTimeout(wait, TimeUnit.MILLISECONDS).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            headers.putSingle(ConsistencyHeaders.STALE, true);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TimeoutException)) {
                throw new IllegalStateException(e.getCause());
            }
            headers.putSingle(ConsistencyHeaders.STALE, true);
        }
    }

    private Optional<Projection<?, ?>> projection(String name) {
        return readSide.projections().stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
