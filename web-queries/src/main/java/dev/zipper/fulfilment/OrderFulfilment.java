package dev.zipper.fulfilment;

import dev.zipper.domain.ProcessType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Puts the order fulfilment process on the read side, which finds every produced {@link ProcessType}. */
@ApplicationScoped
public class OrderFulfilment {

    @Produces
    static final ProcessType<FulfilmentInput, FulfilmentEvent, Fulfilment> TYPE = Fulfilment.TYPE;
}
