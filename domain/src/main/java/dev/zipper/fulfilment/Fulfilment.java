package dev.zipper.fulfilment;

import dev.zipper.domain.Issued;
import dev.zipper.domain.ProcessDecider.Reaction;
import dev.zipper.domain.ProcessDecider;
import dev.zipper.domain.ProcessType;
import dev.zipper.order.Order;
import dev.zipper.order.OrderCommand;
import dev.zipper.order.OrderEvent;
import dev.zipper.order.OrderLine;
import dev.zipper.payment.Card;
import dev.zipper.payment.Payment;
import dev.zipper.payment.PaymentCommand;
import dev.zipper.payment.PaymentEvent;
import dev.zipper.pricing.Money;
import dev.zipper.product.Product;
import dev.zipper.product.ProductCommand;
import dev.zipper.product.ProductEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An order's way from checkout to its end, as a process with one instance per order: once the order is
 * placed (by its cart's checkout), reserve every line; once all are reserved, take payment; once paid, the order succeeded. A refused
 * reservation, or a declined or unanswered payment, releases what was reserved and fails the order; a
 * reservation that arrives after that is released at once; a cancelled order gives back its stock and,
 * if it was paid, its money. Every step answers one event and records what it did, so a redelivered event
 * finds its work done (and the kernel drops it anyway).
 *
 * @param reserved the skus whose units are held for the order now
 */
public record Fulfilment(Stage stage, List<OrderLine> lines, Money total, Card card, Set<String> reserved,
                         boolean paid) {

    /** Where an instance is; FAILED and CANCELLED are final, SUCCEEDED waits for a cancel or shipping. */
    public enum Stage { NEW, RESERVING, PAYING, SUCCEEDED, FAILED, CANCELLED }

    public static final Fulfilment NONE = new Fulfilment(Stage.NEW, List.of(), null, null, Set.of(), false);

    public static final ProcessType<FulfilmentEvent, Fulfilment> TYPE = new ProcessType<>("order-fulfilment",
            FulfilmentEvent.class, List.of(Order.TYPE, Product.TYPE, Payment.TYPE), new ProcessDecider<>() {
                @Override
                public Fulfilment initialState() {
                    return NONE;
                }

                @Override
                public Fulfilment evolve(Fulfilment state, FulfilmentEvent event) {
                    return state.evolve(event);
                }

                @Override
                public Optional<String> instanceOf(Object event, String streamId) {
                    return Fulfilment.instanceOf(event, streamId);
                }

                @Override
                public Reaction<FulfilmentEvent> react(Fulfilment state, Object event, String streamId) {
                    return state.react(event, streamId);
                }
            });

    public Fulfilment {
        lines = List.copyOf(lines);
        reserved = Set.copyOf(reserved);
    }

    /** The order an event concerns, for the events this process answers (its own commands' results aside). */
    static Optional<String> instanceOf(Object event, String streamId) {
        if (event instanceof ProductEvent.Reserved reserved) {
            return Optional.of(reserved.orderId());
        }
        if (event instanceof ProductEvent.ReservationRefused refused) {
            return Optional.of(refused.orderId());
        }
        boolean answers = event instanceof OrderEvent.Placed || event instanceof OrderEvent.Cancelled || event instanceof OrderEvent.Shipped
                || event instanceof PaymentEvent.Authorised || event instanceof PaymentEvent.Declined
                || event instanceof PaymentEvent.TimedOut;
        return answers ? Optional.of(streamId) : Optional.empty();
    }

    Reaction<FulfilmentEvent> react(Object event, String streamId) {
        Step step = new Step();
        if (event instanceof OrderEvent.Placed placed && stage == Stage.NEW) {
            step.record(new FulfilmentEvent.Started(placed.lines(), placed.totals().total(), placed.card()));
            placed.lines().forEach(line -> step.issue(Issued.to(Product.TYPE, line.sku(),
                    new ProductCommand.Reserve(streamId, line.quantity()))));
        } else if (event instanceof ProductEvent.Reserved reserved) {
            onReserved(step, reserved.orderId(), streamId);
        } else if (event instanceof ProductEvent.ReservationRefused refused && stage == Stage.RESERVING) {
            fail(step, refused.orderId(), streamId + ": " + refused.quantity() + " wanted, " + refused.available()
                    + " available");
        } else if (event instanceof PaymentEvent.Authorised authorised) {
            onAuthorised(step, streamId, authorised.reference());
        } else if (event instanceof PaymentEvent.Declined declined && stage == Stage.PAYING) {
            fail(step, streamId, "payment declined: " + declined.reason());
        } else if (event instanceof PaymentEvent.TimedOut && stage == Stage.PAYING) {
            fail(step, streamId, "payment timed out");
        } else if (event instanceof OrderEvent.Cancelled && Set.of(Stage.RESERVING, Stage.PAYING, Stage.SUCCEEDED).contains(stage)) {
            step.record(new FulfilmentEvent.Cancelled());
            releaseAll(step, streamId);
            if (paid) {
                refund(step, streamId);
            }
        } else if (event instanceof OrderEvent.Shipped && stage == Stage.SUCCEEDED) {
            step.record(new FulfilmentEvent.ShippingRequested());
            reserved.forEach(sku -> step.issue(Issued.to(Product.TYPE, sku, new ProductCommand.Ship(streamId))));
        }
        return step.reaction();
    }

    private void onReserved(Step step, String orderId, String sku) {
        if (stage == Stage.FAILED || stage == Stage.CANCELLED) {
            step.record(new FulfilmentEvent.LineReleased(sku));
            step.issue(Issued.to(Product.TYPE, sku, new ProductCommand.Release(orderId)));
            return;
        }
        if (stage != Stage.RESERVING || reserved.contains(sku)) {
            return;
        }
        step.record(new FulfilmentEvent.LineReserved(sku));
        Set<String> nowReserved = new HashSet<>(reserved);
        nowReserved.add(sku);
        if (lines.stream().allMatch(line -> nowReserved.contains(line.sku()))) {
            step.record(new FulfilmentEvent.PaymentRequested());
            step.issue(Issued.opening(Payment.TYPE, orderId, new PaymentCommand.Request(total, card)));
        }
    }

    private void onAuthorised(Step step, String orderId, String reference) {
        if (stage == Stage.PAYING) {
            step.record(new FulfilmentEvent.Paid(reference));
            step.issue(Issued.to(Order.TYPE, orderId, new OrderCommand.Succeed(reference)));
        } else if (stage == Stage.CANCELLED && !paid) {
            step.record(new FulfilmentEvent.Paid(reference));
            refund(step, orderId);
        }
    }

    private void fail(Step step, String orderId, String reason) {
        step.record(new FulfilmentEvent.Failed(reason));
        releaseAll(step, orderId);
        step.issue(Issued.to(Order.TYPE, orderId, new OrderCommand.Fail(reason)));
    }

    private void releaseAll(Step step, String orderId) {
        for (String sku : reserved) {
            step.record(new FulfilmentEvent.LineReleased(sku));
            step.issue(Issued.to(Product.TYPE, sku, new ProductCommand.Release(orderId)));
        }
    }

    private static void refund(Step step, String orderId) {
        step.record(new FulfilmentEvent.RefundRequested());
        step.issue(Issued.to(Payment.TYPE, orderId, new PaymentCommand.Refund()));
    }

    Fulfilment evolve(FulfilmentEvent event) {
        if (event instanceof FulfilmentEvent.Started started) {
            return new Fulfilment(Stage.RESERVING, started.lines(), started.total(), started.card(), Set.of(), false);
        }
        if (event instanceof FulfilmentEvent.LineReserved line) {
            return withReserved(line.sku(), true);
        }
        if (event instanceof FulfilmentEvent.LineReleased line) {
            return withReserved(line.sku(), false);
        }
        if (event instanceof FulfilmentEvent.PaymentRequested) {
            return new Fulfilment(Stage.PAYING, lines, total, card, reserved, paid);
        }
        if (event instanceof FulfilmentEvent.Paid) {
            return new Fulfilment(stage == Stage.PAYING ? Stage.SUCCEEDED : stage, lines, total, card, reserved, true);
        }
        if (event instanceof FulfilmentEvent.Failed) {
            return new Fulfilment(Stage.FAILED, lines, total, card, reserved, paid);
        }
        if (event instanceof FulfilmentEvent.Cancelled) {
            return new Fulfilment(Stage.CANCELLED, lines, total, card, reserved, paid);
        }
        if (event instanceof FulfilmentEvent.ShippingRequested) {
            return new Fulfilment(stage, lines, total, card, Set.of(), paid); // shipped units are no longer held
        }
        return this; // a refund requested changes nothing further
    }

    private Fulfilment withReserved(String sku, boolean held) {
        Set<String> changed = new HashSet<>(reserved);
        if (held) {
            changed.add(sku);
        } else {
            changed.remove(sku);
        }
        return new Fulfilment(stage, lines, total, card, changed, paid);
    }

    /** What one reaction records and issues, gathered in order. */
    private static final class Step {
        private final List<FulfilmentEvent> recorded = new ArrayList<>();
        private final List<Issued<?>> issued = new ArrayList<>();

        void record(FulfilmentEvent event) {
            recorded.add(event);
        }

        void issue(Issued<?> command) {
            issued.add(command);
        }

        Reaction<FulfilmentEvent> reaction() {
            return new Reaction<>(recorded, issued);
        }
    }
}
