package dev.tracestack.render.cost;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The unit prices and billing rules of one region, read from {@code src/main/resources/pricing/gcp-<region>.json}:
 * data, never code. Every entry names the public page it was read from and the date it was read.
 *
 * @param region      the Google Cloud region the stacks using this book run in
 * @param currency    the currency of every price
 * @param description what the book covers
 * @param rules       billing conventions (hours per month, bytes per metric point) by id
 * @param prices      unit prices by id, e.g. {@code cloudTrace.spans}
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record PriceBook(String region, String currency, String description, Map<String, Rule> rules,
                        Map<String, Price> prices) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIRECTORY = "/pricing/";
    private static final Map<String, Optional<PriceBook>> BOOKS = new ConcurrentHashMap<>();

    /**
     * One unit price.
     *
     * @param unit      what one unit is, e.g. {@code million spans} or {@code GiB-month}
     * @param usd       the price of one unit
     * @param free      units a month that cost nothing (a free allotment), 0 when none
     * @param freeScope what the free allotment is counted over (billing account or project); empty when none
     * @param source    the public page the price was read from
     * @param read      when it was read (ISO date)
     * @param note      what exactly the figure is, and any caveat about it
     */
    public record Price(String unit, double usd, double free, String freeScope, String source, String read,
                        String note) {
    }

    /**
     * A billing rule that is not a price, e.g. how many bytes a metric point counts as.
     *
     * @param value  the rule's number
     * @param source the public page it was read from
     * @param read   when it was read (ISO date)
     * @param note   what the number means
     */
    public record Rule(double value, String source, String read, String note) {
    }

    public PriceBook {
        rules = Map.copyOf(rules);
        prices = Map.copyOf(prices);
    }

    /** The price book of a region, if the repository has one; read once per region, it never changes. */
    public static Optional<PriceBook> forRegion(String region) {
        return BOOKS.computeIfAbsent(region, PriceBook::read);
    }

    private static Optional<PriceBook> read(String region) {
        String path = DIRECTORY + "gcp-" + region + ".json";
        try (InputStream in = PriceBook.class.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(JSON.readValue(in, PriceBook.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the price book " + path, e);
        }
    }

    /** The price book of a region, or an {@link Unpriced} naming what is missing. */
    public static PriceBook require(String region) {
        return forRegion(region).orElseThrow(() -> new Unpriced("there is no price book for gcp:region " + region
                + " (src/main/resources/pricing/gcp-" + region + ".json; see docs/cost.md)"));
    }

    public Price price(String id) {
        Price price = prices.get(id);
        if (price == null) {
            throw new Unpriced("the price book of " + region + " has no price " + id + " (add it with its source; "
                    + "see docs/cost.md)");
        }
        return price;
    }

    public double rule(String id) {
        Rule rule = rules.get(id);
        if (rule == null) {
            throw new Unpriced("the price book of " + region + " has no rule " + id);
        }
        return rule.value();
    }

    /** The estimate needs a price the repository does not have: say which, rather than guess. */
    public static final class Unpriced extends RuntimeException {
        public Unpriced(String message) {
            super(message);
        }
    }
}
