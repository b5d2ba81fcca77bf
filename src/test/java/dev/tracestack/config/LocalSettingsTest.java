package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.ConfigErrors;
import dev.tracestack.testing.StackHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The docker platform's engine, addresses, host ports and images: their defaults and every rule. */
class LocalSettingsTest {

    private final StackConfig local = StackHarness.config("local");

    @Test
    void localRunsOnDockerThroughTheLocalSocket() {
        assertThat(local.platform()).isEqualTo(Platform.DOCKER);
        assertThat(local.local().dockerHost()).isEqualTo("unix:///var/run/docker.sock");
        assertThat(local.local().bindAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void everyPublishedPortDefaultsToSeed000() {
        assertThat(local.local().ports()).containsExactlyInAnyOrderEntriesOf(Map.of(
                HostPort.JAEGER_UI, 10004,
                HostPort.ELASTICSEARCH, 9201,
                HostPort.OTLP_GRPC, 4317,
                HostPort.OTLP_HTTP, 4318,
                HostPort.ZIPKIN, 9411,
                HostPort.JAEGER_GRPC, 14250,
                HostPort.JAEGER_HTTP, 14268,
                HostPort.COLLECTOR_HEALTH, 13133,
                HostPort.ZPAGES, 55679,
                HostPort.COLLECTOR_METRICS, 8888));
    }

    @Test
    void localKeepsEveryTraceForOneDayInJaegerAndNothingGoesToGoogle() {
        assertThat(local.sampling()).isEqualTo(new SamplingSettings(1.0, 1.0, 1.0, 2000));
        assertThat(local.retentionDays()).isEqualTo(2);
        assertThat(local.jaeger().enabled()).isTrue();
        assertThat(local.exporters()).isEqualTo(new ExporterSettings(false, true, false));
        assertThat(local.gcp().project()).isEmpty();
    }

    @Test
    void localRunsTheJaegerAndElasticsearchVersionsTheCloudStacksPin() {
        StackConfig prod = StackHarness.config("prod");

        assertThat(local.local().image(LocalImage.JAEGER, local))
                .isEqualTo("jaegertracing/jaeger:" + prod.jaeger().version());
        assertThat(local.local().image(LocalImage.ELASTICSEARCH, local))
                .isEqualTo("docker.elastic.co/elasticsearch/elasticsearch:" + prod.elasticsearch().version());
    }

    @Test
    void cloudStacksStayOnKubernetes() {
        for (String stack : StackHarness.CLOUD_STACKS) {
            assertThat(StackHarness.config(stack).platform()).as(stack).isEqualTo(Platform.KUBERNETES);
        }
    }

    @Test
    void overridesReplaceTheDefaultsOnlyWhereGiven() {
        StackConfig config = StackConfigParser.parse(StackHarness.withOverrides("local", Map.of(
                ConfigKeys.LOCAL, "{\"bindAddress\":\"0.0.0.0\",\"ports\":{\"jaegerUi\":16686},"
                        + "\"images\":{\"jaeger\":\"jaegertracing/jaeger:2.18.0\"}}")));

        assertThat(config.local().bindAddress()).isEqualTo("0.0.0.0");
        assertThat(config.local().port(HostPort.JAEGER_UI)).isEqualTo(16686);
        assertThat(config.local().port(HostPort.ELASTICSEARCH)).isEqualTo(9201);
        assertThat(config.local().image(LocalImage.JAEGER, config)).isEqualTo("jaegertracing/jaeger:2.18.0");
        assertThat(config.local().image(LocalImage.ELASTICSEARCH, config))
                .isEqualTo("docker.elastic.co/elasticsearch/elasticsearch:8.19.3");
    }

    @Test
    void cloudTraceFromADockerStackIsValidWithAProjectAndACredentialsFile() {
        StackConfig config = StackConfigParser.parse(StackHarness.withOverrides("local", Map.of(
                ConfigKeys.GCP_PROJECT, "dta-cloud-de-dev",
                ConfigKeys.EXPORTERS, "{\"cloudTrace\":true,\"jaeger\":true}",
                ConfigKeys.LOCAL, "{\"gcpCredentialsFile\":\"/home/dev/.config/gcloud/adc.json\"}")));

        assertThat(config.exporters().cloudTrace()).isTrue();
        assertThat(config.local().gcpCredentialsFile()).contains("/home/dev/.config/gcloud/adc.json");
    }

    private static final String PINNED = "must be pinned to a version (name:tag or name@sha256:digest)";

    private static List<String> localProblems(String localSection) {
        return ConfigErrors.problems("local", Map.of(ConfigKeys.LOCAL, localSection));
    }

    @Test
    void aPortAboveTheRangeIsRejected() {
        assertThat(localProblems("{\"ports\":{\"jaegerUi\":70000}}")).containsExactly(
                "Pulumi.local.yaml: tracestack:local.ports.jaegerUi must be within [1, 65535], got 70000");
    }

    @Test
    void portZeroIsRejected() {
        assertThat(localProblems("{\"ports\":{\"elasticsearch\":0}}")).containsExactly(
                "Pulumi.local.yaml: tracestack:local.ports.elasticsearch must be within [1, 65535], got 0");
    }

    @Test
    void twoServicesOnOneHostPortAreRejected() {
        assertThat(localProblems("{\"ports\":{\"zipkin\":4317}}")).containsExactly(
                "Pulumi.local.yaml: tracestack:local.ports.zipkin must differ from tracestack:local.ports.otlpGrpc"
                        + " (two services cannot publish one host port), got 4317");
    }

    @Test
    void anImageOverrideTaggedLatestIsRejected() {
        assertThat(localProblems("{\"images\":{\"jaeger\":\"jaegertracing/jaeger:latest\"}}")).containsExactly(
                "Pulumi.local.yaml: tracestack:local.images.jaeger " + PINNED + ", not latest,"
                        + " got jaegertracing/jaeger:latest");
    }

    @Test
    void anUntaggedImageOverrideIsRejectedEvenFromARegistryWithAPort() {
        assertThat(localProblems("{\"images\":{\"elasticsearch\":\"localhost:5000/elasticsearch\"}}")).containsExactly(
                "Pulumi.local.yaml: tracestack:local.images.elasticsearch " + PINNED + ", not untagged,"
                        + " got localhost:5000/elasticsearch");
    }

    @Test
    void anImagePinnedByDigestIsAccepted() {
        StackConfig config = StackConfigParser.parse(StackHarness.withOverrides("local", Map.of(ConfigKeys.LOCAL,
                "{\"images\":{\"rollover\":\"jaegertracing/jaeger-es-rollover@sha256:0123abcd\"}}")));

        assertThat(config.local().image(LocalImage.ROLLOVER, config)).endsWith("@sha256:0123abcd");
    }

    @Test
    void aHostNameAsBindAddressIsRejected() {
        assertThat(localProblems("{\"bindAddress\":\"localhost\"}")).containsExactly(
                "Pulumi.local.yaml: tracestack:local.bindAddress must be an IP address to publish ports on,"
                        + " such as 127.0.0.1 (0.0.0.0 for every interface), got localhost");
    }

    @Test
    void anOutOfRangeIpv4BindAddressIsRejected() {
        assertThat(localProblems("{\"bindAddress\":\"127.0.0.256\"}")).hasSize(1);
    }

    @Test
    void aDockerHostWithoutSchemeIsRejected() {
        assertThat(localProblems("{\"dockerHost\":\"/var/run/docker.sock\"}")).containsExactly(
                "Pulumi.local.yaml: tracestack:local.dockerHost must be a Docker host such as"
                        + " unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host, got /var/run/docker.sock");
    }

    @Test
    void aRelativeCredentialsFileIsRejected() {
        assertThat(localProblems("{\"gcpCredentialsFile\":\"adc.json\"}")).containsExactly(
                "Pulumi.local.yaml: tracestack:local.gcpCredentialsFile must be an absolute path on the Docker host,"
                        + " got adc.json");
    }

    @Test
    void everyProblemOfADockerStackIsReportedTogether() {
        assertThat(localProblems("{\"ports\":{\"jaegerUi\":0,\"zpages\":4318},\"bindAddress\":\"lo\"}")).hasSize(3);
    }
}
