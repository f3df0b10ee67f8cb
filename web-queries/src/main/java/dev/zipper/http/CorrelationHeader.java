package dev.zipper.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Every answer carries the request's correlation id back in {@code X-Correlation-ID}. It is read while the
 * request is on its own thread and kept with it: an asynchronous answer is sent from another thread, where
 * the request's CDI scope is no longer active.
 */
@Provider
@PreMatching
@ApplicationScoped
public class CorrelationHeader implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String PROPERTY = CorrelationHeader.class.getName();

    @Inject
    private Correlation correlation;

    @Override
    public void filter(ContainerRequestContext request) {
        correlation.valid().ifPresent(id -> request.setProperty(PROPERTY, id.toString()));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(Correlation.HEADER, id);
        }
    }
}
