package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local stack's file: a docker platform with seed 000's ports, every trace kept, nothing sent to Google. */
class LocalConfigTest {

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
}
