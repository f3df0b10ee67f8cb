package dev.zipper.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Every answer carries the request's correlation id back in {@code X-Correlation-ID}. */
@Provider
@ApplicationScoped
public class CorrelationHeader implements ContainerResponseFilter {

    @Inject
    private Correlation correlation;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        correlation.valid().ifPresent(id -> response.getHeaders().putSingle(Correlation.HEADER, id.toString()));
    }
}
