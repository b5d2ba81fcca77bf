package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per Jaeger / Elasticsearch config rule, each asserting the exact message. */
class JaegerConfigValidationTest {

    private static String error(String stack, Map<String, String> overrides) {
        try {
            StackConfigParser.parse(StackHarness.withOverrides(stack, overrides));
        } catch (InvalidConfigException invalid) {
            return invalid.getMessage();
        }
        throw new AssertionError("expected " + overrides + " to be rejected");
    }

    private static Map<String, String> jaeger(String json) {
        String base = "{\"enabled\": true, \"oauthProxy\": {\"clientId\": \"jaeger-ui\", "
                + "\"emailDomains\": [\"example.com\"]}, ";
        return Map.of(ConfigKeys.JAEGER, base + json + "}");
    }

    @Test
    void retentionShorterThanTheRolloverAgeIsRejected() {
        assertThat(error("stage", Map.of(ConfigKeys.RETENTION_DAYS, "2",
                ConfigKeys.ELASTICSEARCH, "{\"rollover\": {\"maxAgeDays\": 3}}")))
                .contains("Pulumi.stage.yaml: tracestack:elasticsearch.rollover.maxAgeDays must be shorter than "
                        + "tracestack:retentionDays (2 days), or indices are deleted as soon as they roll over, got 3");
    }

    @Test
    void aPerServiceRateAboveOneIsRejected() {
        assertThat(error("stage", jaeger("\"samplingStrategies\": {\"checkout\": {\"rate\": 1.5}}")))
                .contains("Pulumi.stage.yaml: tracestack:jaeger.samplingStrategies.checkout.rate "
                        + "must be within [0, 1], got 1.5");
    }

    @Test
    void aPerOperationRateBelowZeroIsRejected() {
        assertThat(error("stage", jaeger("\"samplingStrategies\": {\"checkout\": {\"rate\": 0.5, "
                + "\"operations\": {\"GET /x\": {\"rate\": -0.1}}}}")))
                .contains("Pulumi.stage.yaml: tracestack:jaeger.samplingStrategies.checkout.operations.GET /x.rate "
                        + "must be within [0, 1], got -0.1");
    }

    @Test
    void aServiceStrategyWithBothRateAndRateLimitIsRejected() {
        assertThat(error("stage", jaeger("\"samplingStrategies\": {\"checkout\": {\"rate\": 0.5, "
                + "\"maxTracesPerSecond\": 10}}")))
                .contains("Pulumi.stage.yaml: tracestack:jaeger.samplingStrategies.checkout "
                        + "must set exactly one of rate or maxTracesPerSecond");
    }

    @Test
    void aNodeCountOfZeroIsRejected() {
        assertThat(error("stage", Map.of(ConfigKeys.ELASTICSEARCH, "{\"nodes\": 0}")))
                .contains("Pulumi.stage.yaml: tracestack:elasticsearch.nodes must be at least 1, got 0");
    }

    @Test
    void aMissingOAuthClientIdWithTheProxyOnIsRejected() {
        assertThat(error("stage", Map.of(ConfigKeys.JAEGER, "{\"enabled\": true, \"oauthProxy\": {\"enabled\": true, "
                + "\"emailDomains\": [\"example.com\"]}}")))
                .contains("Pulumi.stage.yaml: tracestack:jaeger.oauthProxy.clientId is required when "
                        + "tracestack:jaeger.oauthProxy.enabled is true (the OAuth client the proxy signs users in with)");
    }

    @Test
    void aProxyWithoutAllowedEmailDomainsIsRejected() {
        assertThat(error("stage", Map.of(ConfigKeys.JAEGER,
                "{\"enabled\": true, \"oauthProxy\": {\"clientId\": \"jaeger-ui\"}}")))
                .contains("Pulumi.stage.yaml: tracestack:jaeger.oauthProxy.emailDomains must list at least one e-mail "
                        + "domain allowed to sign in, e.g. [example.com], got []");
    }

    @Test
    void anIngressHostThatIsNotADnsNameIsRejected() {
        assertThat(error("stage", jaeger("\"ingressHost\": \"https://jaeger.example.com\"")))
                .contains("Pulumi.stage.yaml: tracestack:jaeger.ingressHost must be a DNS name such as "
                        + "jaeger.example.com, got https://jaeger.example.com");
    }

    @Test
    void aDependenciesScheduleThatIsNotFiveCronFieldsIsRejected() {
        assertThat(error("stage", jaeger("\"dependencies\": {\"schedule\": \"@daily at 1\"}")))
                .contains("Pulumi.stage.yaml: tracestack:jaeger.dependencies.schedule must be a cron schedule of five "
                        + "fields, e.g. \"15 0 * * *\", got @daily at 1");
    }

    @Test
    void aDependenciesVersionCarryingAnImageVariantIsRejected() {
        assertThat(error("stage", jaeger("\"dependencies\": {\"version\": \"v0.7.0-elasticsearch8\"}")))
                .contains("Pulumi.stage.yaml: tracestack:jaeger.dependencies.version must be a spark-dependencies "
                        + "release tag such as v0.7.0 (the stack adds the image's -elasticsearch8 variant suffix), "
                        + "got v0.7.0-elasticsearch8");
    }

    @Test
    void theLatestTagIsRejected() {
        assertThat(error("stage", jaeger("\"version\": \"latest\"")))
                .contains("Pulumi.stage.yaml: tracestack:jaeger.version must be a pinned version such as 2.13.0, "
                        + "not a moving tag, got latest");
    }

    @Test
    void anElasticsearchVersionOtherThanEightIsRejected() {
        assertThat(error("stage", Map.of(ConfigKeys.ELASTICSEARCH, "{\"version\": \"7.17.0\"}")))
                .contains("Pulumi.stage.yaml: tracestack:elasticsearch.version "
                        + "must be a pinned Elasticsearch 8 version such as 8.19.3, got 7.17.0");
    }

    @Test
    void aHeapLargerThanHalfTheMemoryIsRejected() {
        assertThat(error("stage", Map.of(ConfigKeys.ELASTICSEARCH, "{\"heapMiB\": 2048, \"memoryMiB\": 2048}")))
                .contains("Pulumi.stage.yaml: tracestack:elasticsearch.heapMiB "
                        + "must be at least 256 and at most half of tracestack:elasticsearch.memoryMiB (2048), got 2048");
    }

    @Test
    void zoneAwarenessOnOneNodeIsRejected() {
        assertThat(error("stage", Map.of(ConfigKeys.ELASTICSEARCH, "{\"zoneAwareness\": true}")))
                .contains("Pulumi.stage.yaml: tracestack:elasticsearch.zoneAwareness "
                        + "needs at least 2 nodes (tracestack:elasticsearch.nodes is 1), got true");
    }

    @Test
    void aSingleRegionSnapshotBucketIsRejected() {
        assertThat(error("prod", Map.of(ConfigKeys.ELASTICSEARCH, "{\"nodes\": 3, \"zoneAwareness\": true, "
                + "\"snapshots\": {\"enabled\": true, \"bucketLocation\": \"europe-west3\"}}")))
                .contains("Pulumi.prod.yaml: tracestack:elasticsearch.snapshots.bucketLocation must be a multi-region "
                        + "or dual-region location (e.g. EU or EUR4) so snapshots survive the loss of a region, "
                        + "got europe-west3");
    }

    @Test
    void crossRegionBackupWithoutSnapshotsIsRejected() {
        assertThat(error("prod", Map.of(ConfigKeys.ELASTICSEARCH, "{\"nodes\": 3, \"zoneAwareness\": true}")))
                .contains("Pulumi.prod.yaml: tracestack:elasticsearch.snapshots.enabled must be true while "
                        + "tracestack:crossRegionBackup is true (Elasticsearch is backed up by snapshots), got false");
    }

    @Test
    void aBasePathWithoutLeadingSlashIsRejected() {
        assertThat(error("stage", jaeger("\"uiBasePath\": \"jaeger/\"")))
                .contains("Pulumi.stage.yaml: tracestack:jaeger.uiBasePath must be a URL path starting with '/' "
                        + "and not ending with '/', e.g. /jaeger, got jaeger/");
    }

    @Test
    void aCollectorMaximumBelowItsReplicasIsRejected() {
        assertThat(error("stage", jaeger("\"collector\": {\"replicas\": 3, \"maxReplicas\": 2}")))
                .contains("Pulumi.stage.yaml: tracestack:jaeger.collector.maxReplicas "
                        + "must be at least tracestack:jaeger.collector.replicas (3), got 2");
    }

    @Test
    void oauthSecretsInPlaintextAreRejected() {
        assertThat(error("stage", Map.of(ConfigKeys.OAUTH_CLIENT_SECRET, "s3cr3t")))
                .contains("Pulumi.stage.yaml: tracestack:oauthClientSecret must be set as a secret with "
                        + "`pulumi config set --secret tracestack:oauthClientSecret <value>`, got (plaintext, not shown)");
    }

    @Test
    void devNeedsNoneOfTheJaegerSettingsEvenWithBadElasticsearchValues() {
        StackConfig dev = StackConfigParser.parse(StackHarness.withOverrides("dev",
                Map.of(ConfigKeys.ELASTICSEARCH, "{\"nodes\": 0}")));

        assertThat(dev.jaeger().enabled()).isFalse();
        assertThat(dev.elasticsearch().nodes()).isZero();
    }

    @Test
    void stageHasOneNodeAndProdThreeAcrossZones() {
        assertThat(StackHarness.config("stage").elasticsearch().nodes()).isEqualTo(1);
        assertThat(StackHarness.config("stage").elasticsearch().zoneAwareness()).isFalse();
        assertThat(StackHarness.config("prod").elasticsearch().nodes()).isEqualTo(3);
        assertThat(StackHarness.config("prod").elasticsearch().zoneAwareness()).isTrue();
        assertThat(StackHarness.config("prod").elasticsearch().snapshots().enabled()).isTrue();
    }

    @Test
    void aSecretIsSerializedOnlyAsItsMarker() throws Exception {
        StackConfig config = StackConfigParser.parse(StackHarness.withSecrets(StackHarness.source("stage"),
                Map.of(ConfigKeys.OAUTH_CLIENT_SECRET, "client-s3cr3t")));

        assertThat(dev.tracestack.render.Artifacts.json(config)).contains("[secret]").doesNotContain("client-s3cr3t");
    }
}
