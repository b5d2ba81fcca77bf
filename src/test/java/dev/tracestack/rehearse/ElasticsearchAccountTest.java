package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** As root, Elasticsearch runs as nobody or the account the environment names, never as root. */
class ElasticsearchAccountTest {

    @BeforeEach
    void asRoot() {
        assumeTrue(ProcessHandle.current().info().user().orElse("").equals("root"), "the account is switched only from root");
    }

    @Test
    void rootRunsElasticsearchAsNobodyThroughSetprivWithoutItsGroups() {
        ElasticsearchAccount account = ElasticsearchAccount.resolve(Map.of());
        assertThat(account).isEqualTo(new ElasticsearchAccount("nobody", 65534, 65534, true));
        assertThat(account.wrap(List.of("bin/elasticsearch")))
                .containsExactly("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "bin/elasticsearch");
    }

    @Test
    void theEnvironmentCanNameAnotherAccount() {
        assertThat(ElasticsearchAccount.resolve(Map.of(ElasticsearchAccount.ACCOUNT_VARIABLE, "daemon")).uid()).isEqualTo(1);
    }

    @Test
    void anAccountThatDoesNotExistIsRefusedWithTheWayOut() {
        assertThatThrownBy(() -> ElasticsearchAccount.resolve(Map.of(ElasticsearchAccount.ACCOUNT_VARIABLE, "no-such-account")))
                .isInstanceOf(RehearsalException.class)
                .hasMessage("Elasticsearch refuses to run as root, and there is no account 'no-such-account' to run it as"
                        + " (TRACESTACK_ELASTICSEARCH_USER names it); create it, or set TRACESTACK_ELASTICSEARCH_USER to an"
                        + " account that exists, or run as a user other than root");
    }

    @Test
    void rootItselfIsRefused() {
        assertThatThrownBy(() -> ElasticsearchAccount.resolve(Map.of(ElasticsearchAccount.ACCOUNT_VARIABLE, "root")))
                .hasMessageStartingWith("TRACESTACK_ELASTICSEARCH_USER=root is root");
    }
}
