package dev.tracestack.component;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.testing.StackHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every workload of every part obeys, read from the real stack files: limits, probes, non-root,
 * pinned images, Services that reach a container port, protected state outside dev.
 */
class WorkloadInvariantsTest {

    /** Where each workload kind keeps its pod spec. */
    private static final Map<String, String> POD_SPEC = Map.of(
            "kubernetes:apps/v1:Deployment", "/spec/template/spec",
            "kubernetes:apps/v1:StatefulSet", "/spec/template/spec",
            "kubernetes:batch/v1:Job", "/spec/template/spec",
            "kubernetes:batch/v1:CronJob", "/spec/jobTemplate/spec/template/spec");
    private static final Set<String> LONG_RUNNING = Set.of("kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet");
    /** Resources holding data that cannot be recreated from config. */
    private static final Set<String> STATEFUL = Set.of(
            "gcp:bigquery/dataset:Dataset",
            "gcp:pubsub/topic:Topic",
            "gcp:storage/bucket:Bucket",
            "kubernetes:elasticsearch.k8s.elastic.co/v1:Elasticsearch");

    private record Pod(PlannedResource workload, JsonNode spec) {
        List<JsonNode> containers() {
            List<JsonNode> all = new ArrayList<>();
            spec.path("initContainers").forEach(all::add);
            spec.path("containers").forEach(all::add);
            return all;
        }
    }

    private static List<Pod> pods(Plan plan) {
        List<Pod> pods = new ArrayList<>();
        for (PlannedResource r : plan.resources()) {
            String path = POD_SPEC.get(r.type());
            if (path != null) {
                pods.add(new Pod(r, r.inputs().at(path)));
            }
        }
        return pods;
    }

    private static String what(Pod pod, JsonNode container) {
        return pod.workload().name() + "/" + container.path("name").asText();
    }

    @org.junit.jupiter.api.Test
    void theseRulesSeeEveryKindOfWorkloadAndEveryContainer() {
        List<Pod> pods = pods(StackHarness.synth("prod"));
        assertThat(pods).extracting(pod -> pod.workload().type()).containsAll(POD_SPEC.keySet());
        assertThat(pods).allSatisfy(pod -> assertThat(pod.spec().path("containers").size()).isPositive());
        assertThat(pods).anySatisfy(pod -> assertThat(pod.spec().path("initContainers").size()).isPositive());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyContainerHasCpuAndMemoryLimitsAndAPinnedImage(String stack) {
        List<Pod> pods = pods(StackHarness.synth(stack));
        assertThat(pods).isNotEmpty();
        for (Pod pod : pods) {
            for (JsonNode container : pod.containers()) {
                assertThat(container.at("/resources/limits/cpu").asText()).as(what(pod, container)).isNotBlank();
                assertThat(container.at("/resources/limits/memory").asText()).as(what(pod, container)).isNotBlank();
                String image = container.path("image").asText();
                assertThat(image).as(what(pod, container)).matches(".+:[A-Za-z0-9._-]+(@sha256:[0-9a-f]{64})?")
                        .doesNotEndWith(":latest");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyContainerRunsAsNonRootWithoutPrivilegeEscalation(String stack) {
        for (Pod pod : pods(StackHarness.synth(stack))) {
            boolean podNonRoot = pod.spec().at("/securityContext/runAsNonRoot").asBoolean(false);
            for (JsonNode container : pod.containers()) {
                JsonNode security = container.path("securityContext");
                assertThat(podNonRoot || security.path("runAsNonRoot").asBoolean(false)).as(what(pod, container)).isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(what(pod, container)).isFalse();
                assertThat(security.path("privileged").asBoolean(false)).as(what(pod, container)).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyLongRunningContainerHasReadinessAndLivenessProbes(String stack) {
        for (Pod pod : pods(StackHarness.synth(stack))) {
            if (!LONG_RUNNING.contains(pod.workload().type())) {
                continue;
            }
            for (JsonNode container : pod.spec().path("containers")) {
                assertThat(container.has("readinessProbe")).as(what(pod, container)).isTrue();
                assertThat(container.has("livenessProbe")).as(what(pod, container)).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyServicePortReachesAContainerPortOfAPodItSelects(String stack) {
        Plan plan = StackHarness.synth(stack);
        for (PlannedResource service : plan.ofType("kubernetes:core/v1:Service")) {
            JsonNode selector = service.input("spec.selector");
            List<Pod> selected = pods(plan).stream()
                    .filter(pod -> labelsMatch(templateLabels(pod.workload()), selector)).toList();
            assertThat(selected).as("pods selected by Service %s", service.name()).isNotEmpty();
            for (JsonNode port : service.input("spec.ports")) {
                String target = port.path("targetPort").asText(port.path("port").asText());
                boolean reachable = selected.stream().flatMap(pod -> pod.spec().path("containers").findValues("ports")
                        .stream()).flatMap(ports -> iterable(ports).stream())
                        .anyMatch(p -> p.path("name").asText().equals(target)
                                || p.path("containerPort").asText().equals(target));
                assertThat(reachable).as("%s port %s", service.name(), target).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"stage", "prod"})
    void statefulDataIsProtectedAndRetainedOutsideDev(String stack) {
        List<PlannedResource> stateful = StackHarness.synth(stack).resources().stream()
                .filter(r -> STATEFUL.contains(r.type())).toList();
        assertThat(stateful).isNotEmpty();
        assertThat(stateful).allSatisfy(r -> {
            assertThat(r.protect()).as(r.name()).isTrue();
            assertThat(r.retainOnDelete()).as(r.name()).isTrue();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev"})
    void devMayBeTornDownFreely(String stack) {
        assertThat(StackHarness.synth(stack).resources()).noneMatch(PlannedResource::protect);
    }

    private static JsonNode templateLabels(PlannedResource workload) {
        String spec = POD_SPEC.get(workload.type());
        return workload.inputs().at(spec.substring(0, spec.length() - "/spec".length()) + "/metadata/labels");
    }

    private static boolean labelsMatch(JsonNode labels, JsonNode selector) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        var fields = selector.fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            if (!labels.path(entry.getKey()).asText().equals(entry.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
