package dev.tracestack.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import dev.tracestack.plan.KubernetesManifests;
import dev.tracestack.plan.Plan;
import dev.tracestack.render.Artifacts;
import dev.tracestack.testing.StackHarness;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every Kubernetes manifest the plan writes is a valid object of the Kubernetes API: it deserializes
 * into the fabric8 model of its kind with unknown fields rejected. The models' catch-all
 * "additional properties" are switched off, or a misspelt field would be kept silently.
 */
class KubernetesSchemaTest {

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("batch/v1/CronJob", CronJob.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class));
    /** Kinds of operators' own APIs, which the Kubernetes models do not cover; their tests check them. */
    private static final Set<String> CUSTOM_KINDS = Set.of("elasticsearch.k8s.elastic.co/v1/Elasticsearch");

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated member) {
                    return Boolean.FALSE;
                }
            });

    private static void validate(String yaml) throws Exception {
        Map<?, ?> manifest = Artifacts.YAML.readValue(yaml, Map.class);
        String kind = manifest.get("apiVersion") + "/" + manifest.get("kind");
        if (CUSTOM_KINDS.contains(kind)) {
            return;
        }
        Class<?> model = MODELS.get(kind);
        assertThat(model).as("a model for %s/%s", manifest.get("apiVersion"), manifest.get("kind")).isNotNull();
        STRICT.convertValue(manifest, model);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyManifestOfTheStackDeserializesIntoItsKubernetesModel(String stack) throws Exception {
        // The collector's manifests: the models here cover its kinds, not those of the other parts (Job, CronJob,
        // Ingress, ECK and Helm resources).
        Plan plan = StackHarness.synth(stack);
        Map<String, String> manifests = KubernetesManifests.of(
                new Plan(plan.config(), plan.childrenOf("otel-collector"), plan.outputs(), plan.rendered()));
        assertThat(manifests).isNotEmpty();
        for (Map.Entry<String, String> manifest : manifests.entrySet()) {
            if (!manifest.getKey().startsWith("kubernetes/")) {
                continue;
            }
            try {
                validate(manifest.getValue());
            } catch (IllegalArgumentException invalid) {
                throw new AssertionError(manifest.getKey() + " is not a valid Kubernetes object", invalid);
            }
        }
    }

    @Test
    void aMisspeltFieldIsRejected() {
        String manifest = "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  clusterIp: None\n";
        assertThatThrownBy(() -> validate(manifest)).hasRootCauseInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("clusterIp");
    }
}
