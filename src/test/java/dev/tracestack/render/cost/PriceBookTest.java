package dev.tracestack.render.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every price the estimate uses is in the price book, with the page it was read from and when. */
class PriceBookTest {

    private static final PriceBook BOOK = PriceBook.forRegion("europe-west3").orElseThrow();

    /** The seed stacks and the variants that reach the other prices: Autopilot, long retention. */
    static Stream<CostEstimate> estimates() {
        return Stream.of(Estimates.of("dev"), Estimates.of("stage"), Estimates.of("prod"),
                Estimates.of("prod", "cost.gkeMode=autopilot", "retentionDays=365"),
                Estimates.of("stage", "cost.gkeMode=autopilot"));
    }

    @ParameterizedTest
    @MethodSource("estimates")
    void everyPriceUsedIsInTheBookWithASourceAndADate(CostEstimate e) {
        List<LineItem.Charge> charges = e.items().stream().flatMap(i -> i.charges().stream()).toList();

        assertThat(charges).isNotEmpty().allSatisfy(c -> {
            PriceBook.Price price = BOOK.prices().get(c.priceId());
            assertThat(price).as(c.priceId()).isNotNull();
            assertThat(c.unitPriceUsd()).as(c.priceId()).isEqualTo(price.usd());
            assertThat(c.unit()).isEqualTo(price.unit());
            assertThat(e.prices()).containsEntry(c.priceId(), price);
        });
    }

    @Test
    void theAutopilotAndLongTermPricesAreReached() {
        assertThat(estimates().flatMap(e -> e.prices().keySet().stream()))
                .contains("gke.autopilot.vcpu", "bigquery.storage.longTerm.europe-west3", "gke.standard.memory");
    }

    @Test
    void everyEntryNamesAPublicPageAndTheDateItWasRead() {
        BOOK.prices().forEach((id, p) -> {
            assertThat(p.source()).as(id).startsWith("https://");
            assertThat(LocalDate.parse(p.read())).as(id).isBefore(LocalDate.of(2100, 1, 1));
            assertThat(p.unit()).as(id).isNotBlank();
            assertThat(p.note()).as(id).isNotBlank();
            assertThat(p.usd()).as(id).isPositive();
        });
        BOOK.rules().forEach((id, r) -> {
            assertThat(r.source()).as(id).startsWith("https://");
            assertThat(LocalDate.parse(r.read())).as(id).isNotNull();
        });
    }

    @Test
    void aRegionWithoutABookIsNamedWithWhereTheBookWouldGo() {
        assertThat(PriceBook.forRegion("us-east1")).isEmpty();
        assertThatThrownBy(() -> PriceBook.require("us-east1")).isInstanceOf(PriceBook.Unpriced.class)
                .hasMessage("there is no price book for gcp:region us-east1 "
                        + "(src/main/resources/pricing/gcp-us-east1.json; see docs/cost.md)");
    }

    @Test
    void aMissingPriceIsNamedRatherThanGuessed() {
        assertThatThrownBy(() -> BOOK.price("bigquery.storage.active.asia-east1"))
                .isInstanceOf(PriceBook.Unpriced.class)
                .hasMessageContaining("has no price bigquery.storage.active.asia-east1");
    }
}
