package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.ConfigErrors;
import dev.tracestack.testing.StackHarness;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The namespace the workloads go into. */
class KubernetesSettingsTest {

    @Test
    void anInvalidNamespaceIsRejected() {
        assertThat(ConfigErrors.problems("dev",
                ConfigErrors.override("tracestack:kubernetes", "{\"namespace\":\"Observability\"}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:kubernetes.namespace must be a Kubernetes namespace name "
                        + "(RFC 1123 label: lower-case letters, digits, '-', at most 63), got Observability");
    }

    @Test
    void omittedKeysCreateTheObservabilityNamespaceInTheCurrentContext() {
        Map<String, String> omitted = ConfigErrors.override(ConfigKeys.KUBERNETES_CONTEXT, null);
        omitted.put(ConfigKeys.KUBERNETES, null);
        KubernetesSettings kubernetes = StackConfigParser.parse(StackHarness.withOverrides("dev", omitted))
                .kubernetes();

        assertThat(kubernetes).isEqualTo(new KubernetesSettings(Optional.empty(), "observability", true,
                List.of()));
    }

    @Test
    void aGoogleApisBlockMustBeAnIpv4Cidr() {
        assertThat(ConfigErrors.problems("dev", ConfigErrors.override("tracestack:kubernetes",
                "{\"namespace\":\"observability\",\"googleApisCidrs\":[\"private.googleapis.com\"]}")))
                .containsExactly("Pulumi.dev.yaml: tracestack:kubernetes.googleApisCidrs must list IPv4 blocks in CIDR "
                        + "notation, e.g. 199.36.153.8/30 (private.googleapis.com), got private.googleapis.com");
    }
}
