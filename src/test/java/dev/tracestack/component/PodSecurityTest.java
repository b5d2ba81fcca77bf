package dev.tracestack.component;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlannedResource;
import dev.tracestack.testing.StackHarness;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every workload of the plan meets the Pod Security Standard "restricted", which the namespace enforces: the
 * standard's rules, one test each, over the pod specs the plan registers (Deployments, the StatefulSet, the Job,
 * the CronJob and ECK's pod template), read as Kubernetes reads them (fabric8's model of the API types).
 */
class PodSecurityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ECK = "kubernetes:elasticsearch.k8s.elastic.co/v1:Elasticsearch";
    /** The volume types "restricted" allows. */
    private static final Set<String> VOLUME_TYPES = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
            "persistentVolumeClaim", "projected", "secret", "name");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void theNamespaceEnforcesRestricted(String stack) {
        JsonNode labels = StackHarness.synth(stack).get("kubernetes:core/v1:Namespace", "otel-collector-namespace")
                .input("metadata.labels");

        assertThat(labels.path("pod-security.kubernetes.io/enforce").asText()).isEqualTo("restricted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyContainerRunsAsNonRoot(String stack) {
        specs(stack).forEach((name, pod) -> containers(pod).forEach(c -> {
            boolean nonRoot = Optional.ofNullable(c.getSecurityContext()).map(SecurityContext::getRunAsNonRoot)
                    .orElse(pod.getSecurityContext() != null && Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot()));
            assertThat(nonRoot).as("%s/%s runAsNonRoot", name, c.getName()).isTrue();
            Long uid = Optional.ofNullable(c.getSecurityContext()).map(SecurityContext::getRunAsUser)
                    .orElse(pod.getSecurityContext() == null ? null : pod.getSecurityContext().getRunAsUser());
            assertThat(uid).as("%s/%s runAsUser", name, c.getName()).isNotEqualTo(0L);
        }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void noContainerMayEscalateItsPrivileges(String stack) {
        specs(stack).forEach((name, pod) -> containers(pod).forEach(c -> {
            assertThat(c.getSecurityContext()).as("%s/%s", name, c.getName()).isNotNull();
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as("%s/%s", name, c.getName()).isFalse();
            assertThat(c.getSecurityContext().getPrivileged()).as("%s/%s", name, c.getName()).isNotEqualTo(true);
        }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyContainerDropsAllCapabilitiesAndAddsNoneButBindingLowPorts(String stack) {
        specs(stack).forEach((name, pod) -> containers(pod).forEach(c -> {
            Capabilities caps = c.getSecurityContext().getCapabilities();
            assertThat(caps).as("%s/%s", name, c.getName()).isNotNull();
            assertThat(caps.getDrop()).as("%s/%s", name, c.getName()).contains("ALL");
            assertThat(caps.getAdd() == null ? List.<String>of() : caps.getAdd()).isSubsetOf("NET_BIND_SERVICE");
        }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyContainerHasTheRuntimesSeccompProfile(String stack) {
        specs(stack).forEach((name, pod) -> containers(pod).forEach(c -> {
            SeccompProfile profile = Optional.ofNullable(c.getSecurityContext()).map(SecurityContext::getSeccompProfile)
                    .orElse(pod.getSecurityContext() == null ? null : pod.getSecurityContext().getSeccompProfile());
            assertThat(profile).as("%s/%s", name, c.getName()).isNotNull();
            assertThat(profile.getType()).isIn("RuntimeDefault", "Localhost");
        }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void noPodSharesTheHostsNamespacesPortsOrFiles(String stack) {
        specs(stack).forEach((name, pod) -> {
            assertThat(pod.getHostNetwork()).as(name).isNotEqualTo(true);
            assertThat(pod.getHostPID()).as(name).isNotEqualTo(true);
            assertThat(pod.getHostIPC()).as(name).isNotEqualTo(true);
            containers(pod).forEach(c -> assertThat(c.getPorts() == null ? List.of() : c.getPorts())
                    .allSatisfy(p -> assertThat(p.getHostPort()).as(name).isIn(null, 0)));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void everyVolumeIsOfATypeRestrictedAllows(String stack) {
        rawSpecs(StackHarness.synth(stack)).forEach((name, spec) -> spec.path("volumes").forEach(volume ->
                volume.fieldNames().forEachRemaining(type -> assertThat(type).as(name).isIn(VOLUME_TYPES))));
    }

    private static Map<String, PodSpec> specs(String stack) {
        Map<String, PodSpec> specs = new LinkedHashMap<>();
        Map<String, JsonNode> raw = rawSpecs(StackHarness.synth(stack));
        assertThat(raw).isNotEmpty();
        raw.forEach((name, spec) -> {
            try {
                specs.put(name, JSON.readValue(JSON.writeValueAsString(wholeNumbers(spec.deepCopy())), PodSpec.class));
            } catch (Exception e) {
                throw new AssertionError(name + " is not a pod spec Kubernetes would read", e);
            }
        });
        return specs;
    }

    /** The plan records every number as a double (protobuf's Struct); Kubernetes' int-or-string fields want ints. */
    private static JsonNode wholeNumbers(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(field -> object.set(field, wholeNumbers(object.get(field))));
        } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, wholeNumbers(array.get(i)));
            }
        } else if (node.isDouble() && node.asDouble() == Math.rint(node.asDouble())) {
            return com.fasterxml.jackson.databind.node.IntNode.valueOf(node.asInt());
        }
        return node;
    }

    private static List<Container> containers(PodSpec pod) {
        List<Container> all = new ArrayList<>(pod.getContainers());
        if (pod.getInitContainers() != null) {
            all.addAll(pod.getInitContainers());
        }
        return all;
    }

    /** Every pod spec of the plan, by workload name. */
    static Map<String, JsonNode> podSpecs(Plan plan) {
        return rawSpecs(plan);
    }

    private static Map<String, JsonNode> rawSpecs(Plan plan) {
        Map<String, JsonNode> specs = new LinkedHashMap<>();
        templates(plan).forEach((name, template) -> specs.put(name, template.path("spec")));
        return specs;
    }

    /** Every pod template of the plan, by workload name; ECK's carries the label ECK adds to its pods. */
    static Map<String, JsonNode> templates(Plan plan) {
        Map<String, JsonNode> templates = new LinkedHashMap<>();
        for (PlannedResource r : plan.resources()) {
            switch (r.type()) {
                case "kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet", "kubernetes:batch/v1:Job" ->
                        templates.put(r.name(), r.input("spec.template"));
                case "kubernetes:batch/v1:CronJob" -> templates.put(r.name(), r.input("spec.jobTemplate.spec.template"));
                case ECK -> r.input("spec.nodeSets").forEach(set -> {
                    ObjectNode template = set.path("podTemplate").deepCopy();
                    ((ObjectNode) template.with("metadata").with("labels"))
                            .put("elasticsearch.k8s.elastic.co/cluster-name", r.input("metadata.name").asText());
                    templates.put(r.name() + "/" + set.path("name").asText(), template);
                });
                default -> { }
            }
        }
        return templates;
    }
}
