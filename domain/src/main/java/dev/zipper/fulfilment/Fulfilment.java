package dev.zipper.fulfilment;

import dev.zipper.domain.Issued;
import dev.zipper.domain.ProcessType;
import dev.zipper.domain.Reaction;
import dev.zipper.order.Order;
import dev.zipper.order.OrderCommand;
import dev.zipper.order.OrderEvent;
import dev.zipper.order.OrderLine;
import dev.zipper.payment.Card;
import dev.zipper.payment.Payment;
import dev.zipper.payment.PaymentCommand;
import dev.zipper.pricing.Money;
import dev.zipper.product.Product;
import dev.zipper.product.ProductCommand;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    public static final ProcessType<FulfilmentInput, FulfilmentEvent, Fulfilment> TYPE = new ProcessType<>(
            "order-fulfilment", FulfilmentEvent.class, FulfilmentInput.class, NONE, Fulfilment::evolve);

    public Fulfilment {
        lines = List.copyOf(lines);
        reserved = Set.copyOf(reserved);
    }

    /** The order was placed (its cart checked out): reserve every line. */
    Reaction<FulfilmentEvent> placed(String orderId, OrderEvent.Placed placed) {
        Step step = new Step();
        if (stage == Stage.NEW) {
            step.record(new FulfilmentEvent.Started(placed.lines(), placed.totals().total(), placed.card()));
            placed.lines().forEach(line -> step.issue(Issued.to(Product.TYPE, line.sku(),
                    new ProductCommand.Reserve(orderId, line.quantity()))));
        }
        return step.reaction();
    }


    Reaction<FulfilmentEvent> refused(String orderId, String why) {
        Step step = new Step();
        if (stage == Stage.RESERVING) {
            fail(step, orderId, why);
        }
        return step.reaction();
    }


    /** The payment was declined or never answered. */
    Reaction<FulfilmentEvent> unpaid(String orderId, String why) {
        Step step = new Step();
        if (stage == Stage.PAYING) {
            fail(step, orderId, why);
        }
        return step.reaction();
    }

    Reaction<FulfilmentEvent> cancelled(String orderId) {
        Step step = new Step();
        if (Set.of(Stage.RESERVING, Stage.PAYING, Stage.SUCCEEDED).contains(stage)) {
            step.record(new FulfilmentEvent.Cancelled());
            releaseAll(step, orderId);
            if (paid) {
                refund(step, orderId);
            }
        }
        return step.reaction();
    }

    Reaction<FulfilmentEvent> shipped(String orderId) {
        Step step = new Step();
        if (stage == Stage.SUCCEEDED) {
            step.record(new FulfilmentEvent.ShippingRequested());
            reserved.forEach(sku -> step.issue(Issued.to(Product.TYPE, sku, new ProductCommand.Ship(orderId))));
        }
        return step.reaction();
    }

    /** A line was reserved: once all are, take payment; one that arrives after a failure or a cancel goes back. */
    Reaction<FulfilmentEvent> reserved(String orderId, String sku) {
        Step step = new Step();
        if (stage == Stage.FAILED || stage == Stage.CANCELLED) {
            step.record(new FulfilmentEvent.LineReleased(sku));
            step.issue(Issued.to(Product.TYPE, sku, new ProductCommand.Release(orderId)));
            return step.reaction();
        }
        if (stage != Stage.RESERVING || reserved.contains(sku)) {
            return step.reaction();
        }
        step.record(new FulfilmentEvent.LineReserved(sku));
        Set<String> nowReserved = new HashSet<>(reserved);
        nowReserved.add(sku);
        if (lines.stream().allMatch(line -> nowReserved.contains(line.sku()))) {
            step.record(new FulfilmentEvent.PaymentRequested());
            step.issue(Issued.opening(Payment.TYPE, orderId, new PaymentCommand.Request(total, card)));
        }
        return step.reaction();
    }

    /** Paid: the order succeeded, unless it was cancelled meanwhile, when the money goes back. */
    Reaction<FulfilmentEvent> authorised(String orderId, String reference) {
        Step step = new Step();
        if (stage == Stage.PAYING) {
            step.record(new FulfilmentEvent.Paid(reference));
            step.issue(Issued.to(Order.TYPE, orderId, new OrderCommand.Succeed(reference)));
        } else if (stage == Stage.CANCELLED && !paid) {
            step.record(new FulfilmentEvent.Paid(reference));
            refund(step, orderId);
        }
        return step.reaction();
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
