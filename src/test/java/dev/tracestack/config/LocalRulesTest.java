package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tracestack.testing.StackHarness;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every rule of the platform choice and the docker platform, one test per message. */
class LocalRulesTest {

    private static final String PINNED = "must be pinned to a version (name:tag or name@sha256:digest)";

    private static List<String> problems(String stack, Map<String, String> overrides) {
        InvalidConfigException invalid = catchThrowableOfType(
                () -> StackConfigParser.parse(StackHarness.withOverrides(stack, overrides)),
                InvalidConfigException.class);
        assertThat(invalid).as("the config should be rejected").isNotNull();
        return invalid.problems().stream().map(ConfigProblem::message).toList();
    }

    private static List<String> localProblems(String localSection) {
        return problems("local", Map.of(ConfigKeys.LOCAL, localSection));
    }

    @Test
    void anUnknownPlatformIsRejected() {
        assertThat(problems("local", Map.of(ConfigKeys.PLATFORM, "swarm"))).contains(
                "Pulumi.local.yaml: tracestack:platform must be one of kubernetes, docker, got swarm");
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
    void cloudTraceOnDockerNeedsAnExplicitProject() {
        assertThat(problems("local", Map.of(ConfigKeys.EXPORTERS, "{\"cloudTrace\":true,\"jaeger\":true}",
                ConfigKeys.LOCAL, "{\"gcpCredentialsFile\":\"/home/dev/adc.json\"}"))).containsExactly(
                "Pulumi.local.yaml: gcp:project is required when tracestack:exporters.cloudTrace is on with"
                        + " tracestack:platform docker (the project the local spans go to), it is not set");
    }

    @Test
    void cloudTraceOnDockerNeedsACredentialsFile() {
        assertThat(problems("local", Map.of(ConfigKeys.EXPORTERS, "{\"cloudTrace\":true,\"jaeger\":true}",
                ConfigKeys.GCP_PROJECT, "dta-cloud-de-dev"))).containsExactly(
                "Pulumi.local.yaml: tracestack:local.gcpCredentialsFile is required when"
                        + " tracestack:exporters.cloudTrace is on with tracestack:platform docker (the Application"
                        + " Default Credentials file on the Docker host, e.g. written by"
                        + " `gcloud auth application-default login`), it is not set");
    }

    @Test
    void aRelativeCredentialsFileIsRejected() {
        assertThat(localProblems("{\"gcpCredentialsFile\":\"adc.json\"}")).containsExactly(
                "Pulumi.local.yaml: tracestack:local.gcpCredentialsFile must be an absolute path on the Docker host,"
                        + " got adc.json");
    }

    @Test
    void bigQueryExportOnDockerIsRejected() {
        assertThat(problems("local",
                Map.of(ConfigKeys.EXPORTERS, "{\"cloudTrace\":false,\"bigQuery\":true,\"jaeger\":true}")))
                .containsExactly("Pulumi.local.yaml: tracestack:exporters.bigQuery cannot be on with"
                        + " tracestack:platform"
                        + " docker (the BigQuery path needs the GCP part's Pub/Sub topic and Workload Identity;"
                        + " use a cloud stack), got true");
    }

    @Test
    void dockerWithoutJaegerIsRejected() {
        assertThat(problems("local", Map.of(ConfigKeys.JAEGER, "{\"enabled\":false}",
                ConfigKeys.EXPORTERS, "{\"cloudTrace\":false,\"jaeger\":false}"))).contains(
                "Pulumi.local.yaml: tracestack:jaeger.enabled must be true with tracestack:platform docker"
                        + " (the local stack is Jaeger on Elasticsearch), got false");
    }

    @Test
    void headSamplingBelowOneOnDockerIsRejected() {
        assertThat(problems("local", Map.of(ConfigKeys.SAMPLING, "{\"defaultRate\":0.5}"))).containsExactly(
                "Pulumi.local.yaml: tracestack:sampling.defaultRate must be 1 with tracestack:platform docker"
                        + " (the local stack runs one collector; tail sampling needs a cluster's sampler tier), got 0.5");
    }

    @Test
    void aPersistentCollectorQueueOnDockerIsRejected() {
        assertThat(problems("local", Map.of(ConfigKeys.COLLECTOR, "{\"persistentQueue\":{\"enabled\":true}}")))
                .contains("Pulumi.local.yaml: tracestack:collector.persistentQueue.enabled cannot be on with"
                        + " tracestack:platform docker (a local collector keeps its queue in memory), got true");
    }

    @Test
    void theOauthProxyOnDockerIsRejected() {
        assertThat(problems("local", Map.of(ConfigKeys.JAEGER,
                "{\"enabled\":true,\"uiBasePath\":\"/\",\"oauthProxy\":{\"enabled\":true}}"))).contains(
                "Pulumi.local.yaml: tracestack:jaeger.oauthProxy.enabled cannot be on with tracestack:platform docker"
                        + " (the proxy runs in the cluster; the local UI is only on the bind address), got true");
    }

    @Test
    void anIngressHostOnDockerIsRejected() {
        assertThat(problems("local", Map.of(ConfigKeys.JAEGER, "{\"enabled\":true,\"uiBasePath\":\"/\","
                + "\"oauthProxy\":{\"enabled\":false},\"ingressHost\":\"jaeger.example.com\"}"))).contains(
                "Pulumi.local.yaml: tracestack:jaeger.ingressHost cannot be set with tracestack:platform docker"
                        + " (there is no Ingress; the UI is published on the jaegerUi host port), got jaeger.example.com");
    }

    @Test
    void snapshotsOnDockerAreRejected() {
        assertThat(problems("local", Map.of(ConfigKeys.ELASTICSEARCH, "{\"heapMiB\":768,\"memoryMiB\":1536,"
                + "\"snapshots\":{\"enabled\":true}}"))).contains(
                "Pulumi.local.yaml: tracestack:elasticsearch.snapshots.enabled cannot be on with tracestack:platform"
                        + " docker (snapshots go to a Cloud Storage bucket of a cloud stack), got true");
    }

    @Test
    void crossRegionBackupOnDockerIsRejected() {
        assertThat(problems("local", Map.of(ConfigKeys.CROSS_REGION_BACKUP, "true"))).contains(
                "Pulumi.local.yaml: tracestack:crossRegionBackup cannot be on with tracestack:platform docker"
                        + " (local traces are disposable; backups are a cloud stack's), got true");
    }

    @Test
    void moreThanOneElasticsearchNodeOnDockerIsRejected() {
        assertThat(problems("local", Map.of(ConfigKeys.ELASTICSEARCH, "{\"heapMiB\":768,\"memoryMiB\":1536,"
                + "\"nodes\":3}"))).contains(
                "Pulumi.local.yaml: tracestack:elasticsearch.nodes must be 1 with tracestack:platform docker"
                        + " (one container), got 3");
    }

    @Test
    void kubernetesKeysOnADockerStackAreRejectedNotIgnored() {
        assertThat(problems("local", Map.of(ConfigKeys.KUBERNETES_CONTEXT, "kind-tracing",
                ConfigKeys.KUBERNETES, "{\"namespace\":\"tracing\"}"))).containsExactlyInAnyOrder(
                "Pulumi.local.yaml: kubernetes:context applies only to tracestack:platform kubernetes and this"
                        + " stack's platform is docker (remove the key), got kind-tracing",
                "Pulumi.local.yaml: tracestack:kubernetes applies only to tracestack:platform kubernetes and this"
                        + " stack's platform is docker (remove the key), got {\"namespace\":\"tracing\"}");
    }

    @Test
    void theLocalSectionOnAKubernetesStackIsRejected() {
        assertThat(problems("dev", Map.of(ConfigKeys.LOCAL, "{\"bindAddress\":\"127.0.0.1\"}"))).containsExactly(
                "Pulumi.dev.yaml: tracestack:local applies only to tracestack:platform docker and this stack's"
                        + " platform is kubernetes (remove the key), got {\"bindAddress\":\"127.0.0.1\"}");
    }

    @Test
    void aProjectIsStillRequiredOnKubernetes() {
        Map<String, String> withoutProject = new HashMap<>();
        withoutProject.put(ConfigKeys.GCP_PROJECT, null);
        assertThat(problems("dev", withoutProject)).containsExactly(
                "Pulumi.dev.yaml: gcp:project is required (set it with `pulumi config set gcp:project <project-id>`),"
                        + " it is not set");
    }

    @Test
    void everyProblemOfADockerStackIsReportedTogether() {
        assertThat(localProblems("{\"ports\":{\"jaegerUi\":0,\"zpages\":4318},\"bindAddress\":\"lo\"}")).hasSize(3);
    }
}
