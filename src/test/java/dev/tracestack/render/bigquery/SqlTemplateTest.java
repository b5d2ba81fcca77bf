package dev.tracestack.render.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Placeholders take identifiers only, and every placeholder must have a value. */
class SqlTemplateTest {

    @Test
    void fillsEveryPlaceholderWithItsIdentifier() {
        assertThat(SqlTemplate.fill("t", "SELECT 1 FROM `${project}.${dataset}.t`",
                Map.of("project", "dta-cloud-de-dev", "dataset", "traces")))
                .isEqualTo("SELECT 1 FROM `dta-cloud-de-dev.traces.t`");
    }

    @Test
    void aPlaceholderWithoutAValueIsAnError() {
        assertThatThrownBy(() -> SqlTemplate.fill("t", "SELECT ${column}", Map.of("project", "p")))
                .hasMessage("t.sql uses ${column} but only [project] are given");
    }

    @Test
    void aValueThatIsNotAPlainIdentifierIsRefusedSoItCannotChangeTheQuery() {
        assertThatThrownBy(() -> SqlTemplate.fill("t", "WHERE env = '${environment}'",
                Map.of("environment", "dev' OR '1'='1")))
                .hasMessage("${environment} in t.sql must be a plain identifier, got dev' OR '1'='1");
    }

    @Test
    void aMissingTemplateIsNamed() {
        assertThatThrownBy(() -> SqlTemplate.render("no_such_view", Map.of()))
                .hasMessage("no SQL resource /bigquery/no_such_view.sql");
    }
}
