package dev.tracestack.component.local;

import static dev.tracestack.component.local.LocalStackGraphTest.CONTAINER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A local stack that also exports to Cloud Trace: a Google provider, the developer's credentials, no cluster. */
class LocalCloudTraceTest {

    private final Plan plan = StackHarness.synth("local", Map.of(
            "gcp:project", "dta-cloud-de-dev",
            "tracestack:exporters", "{\"cloudTrace\":true,\"jaeger\":true,\"bigQuery\":false}",
            "tracestack:local",
            "{\"gcpCredentialsFile\":\"/home/dev/.config/gcloud/application_default_credentials.json\"}"));

    @Test
    void theGoogleProviderIsCreatedButNoKubernetesOne() {
        assertThat(plan.resources()).extracting(PlannedResource::type)
                .contains("pulumi:providers:gcp", "pulumi:providers:docker")
                .doesNotContain("pulumi:providers:kubernetes");
    }

    @Test
    void theCollectorReadsTheCredentialsFileReadOnly() {
        PlannedResource collector = plan.get(CONTAINER, "local-collector");

        assertThat(collector.input("volumes").get(0).path("hostPath").asText())
                .isEqualTo("/home/dev/.config/gcloud/application_default_credentials.json");
        assertThat(collector.input("volumes").get(0).path("readOnly").asBoolean()).isTrue();
        assertThat(collector.input("envs").toString())
                .contains("GOOGLE_APPLICATION_CREDENTIALS="
                        + collector.input("volumes").get(0).path("containerPath").asText());
    }

    @Test
    void theCollectorExportsToCloudTraceInTheGivenProject() {
        String config = plan.rendered().file("collector/gateway.yaml");

        assertThat(config).contains("googlecloud:", "project: dta-cloud-de-dev", "endpoint: jaeger:4317");
    }
}
