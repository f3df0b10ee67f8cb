package dev.zipper.product;

import dev.zipper.domain.AggregateType;
import dev.zipper.domain.Decider;
import dev.zipper.domain.IllegalTransition;
import dev.zipper.pricing.Money;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A product of the catalog and its stock. Units are counted where they are, and every event moves them
 * between places, so that received = available + reserved + shipped holds after any history; the
 * stream's version check makes two reservations of the last unit impossible.
 *
 * @param reservations units held for each order (order id to units)
 */
public record Product(String name, Money price, int received, int available, Map<String, Integer> reservations,
                      int shipped) {

    public static final Product NONE = new Product(null, null, 0, 0, Map.of(), 0);

    public static final AggregateType<ProductCommand, ProductEvent, Product> TYPE =
            new AggregateType<>("product", ProductEvent.class, Decider.of(NONE, Product::decide, Product::evolve));

    public Product {
        reservations = Map.copyOf(reservations);
    }

    public boolean exists() {
        return name != null;
    }

    public int reserved() {
        return reservations.values().stream().mapToInt(Integer::intValue).sum();
    }

    public List<ProductEvent> decide(ProductCommand command) {
        if (command instanceof ProductCommand.Add add) {
            if (exists()) {
                throw new IllegalTransition("A product with this sku already exists (" + name + ")");
            }
            return List.of(new ProductEvent.Added(add.name(), add.price()));
        }
        if (!exists()) {
            throw new IllegalTransition("No such product");
        }
        if (command instanceof ProductCommand.ChangePrice change) {
            Money changed = new Money(change.price(), price.currency());
            return changed.equals(price) ? List.of() : List.of(new ProductEvent.PriceChanged(changed));
        }
        if (command instanceof ProductCommand.ReceiveStock receive) {
            return List.of(new ProductEvent.StockReceived(receive.quantity()));
        }
        if (command instanceof ProductCommand.Reserve reserve) {
            if (reservations.containsKey(reserve.orderId())) {
                return List.of();
            }
            return List.of(reserve.quantity() <= available
                    ? new ProductEvent.Reserved(reserve.orderId(), reserve.quantity())
                    : new ProductEvent.ReservationRefused(reserve.orderId(), reserve.quantity(), available));
        }
        String orderId = command instanceof ProductCommand.Release release ? release.orderId()
                : ((ProductCommand.Ship) command).orderId();
        Integer units = reservations.get(orderId);
        if (units == null) {
            return List.of();
        }
        return List.of(command instanceof ProductCommand.Release ? new ProductEvent.Released(orderId, units)
                : new ProductEvent.Shipped(orderId, units));
    }

    public Product evolve(ProductEvent event) {
        if (event instanceof ProductEvent.Added added) {
            return new Product(added.name(), added.price(), 0, 0, Map.of(), 0);
        }
        if (event instanceof ProductEvent.PriceChanged changed) {
            return new Product(name, changed.price(), received, available, reservations, shipped);
        }
        if (event instanceof ProductEvent.StockReceived stock) {
            return new Product(name, price, received + stock.quantity(), available + stock.quantity(), reservations, shipped);
        }
        if (event instanceof ProductEvent.Reserved reserved) {
            return new Product(name, price, received, available - reserved.quantity(),
                    with(reserved.orderId(), reserved.quantity()), shipped);
        }
        if (event instanceof ProductEvent.Released released) {
            return new Product(name, price, received, available + released.quantity(), with(released.orderId(), 0), shipped);
        }
        if (event instanceof ProductEvent.Shipped out) {
            return new Product(name, price, received, available, with(out.orderId(), 0), shipped + out.quantity());
        }
        return this; // a refused reservation moved nothing
    }

    /** The reservations with this order's units set (0: removed). */
    private Map<String, Integer> with(String orderId, int units) {
        Map<String, Integer> changed = new HashMap<>(reservations);
        if (units == 0) {
            changed.remove(orderId);
        } else {
            changed.put(orderId, units);
        }
        return changed;
    }
}
