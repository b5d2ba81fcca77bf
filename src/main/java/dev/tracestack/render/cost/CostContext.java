package dev.tracestack.render.cost;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.cost.LineItem.Charge;

/**
 * What every group of line items is computed from: the stack's config, the region's price book and the
 * month's traffic.
 *
 * @param config  the validated stack config
 * @param book    the price book of the stack's region
 * @param traffic the spans received and kept in a month
 */
record CostContext(StackConfig config, PriceBook book, Traffic traffic) {

    double hoursPerMonth() {
        return book.rule("hoursPerMonth");
    }

    double daysPerMonth() {
        return hoursPerMonth() / 24;
    }

    /** A quantity at a price, with the price's whole free allotment set against it. */
    Charge charge(String priceId, double quantity) {
        return charge(priceId, quantity, book.price(priceId).free());
    }

    /** A quantity at a price, with part of a free allotment that other lines share. */
    Charge charge(String priceId, double quantity, double free) {
        PriceBook.Price price = book.price(priceId);
        return new Charge(priceId, price.unit(), quantity, free, price.usd());
    }
}
