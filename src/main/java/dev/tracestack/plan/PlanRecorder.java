package dev.tracestack.plan;

import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import pulumirpc.AliasOuterClass;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * A mock resource monitor that records every registration exactly as the engine would receive it:
 * inputs with secret markers intact, parent, provider, dependencies, aliases and the protect and retain options.
 */
final class PlanRecorder extends MockMonitor {

    private static final String STACK_TYPE = "pulumi:pulumi:Stack";
    private final List<PlannedResource> resources = new ArrayList<>();

    PlanRecorder(Mocks mocks) {
        super(mocks, PulumiTestInternal.mockLog());
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource,
                                                                             RegisterResourceRequest request) {
        if (!STACK_TYPE.equals(request.getType())) {
            PlannedResource planned = new PlannedResource(
                    request.getType(),
                    request.getName(),
                    parentName(request.getParent()),
                    providerName(request.getProvider()),
                    request.getProtect(),
                    request.getRetainOnDelete(),
                    request.getDependenciesList().stream().map(PlanRecorder::nameOf).sorted().distinct().toList(),
                    // Only the program's renames: the provider SDKs add aliases of other types under the same name.
                    request.getAliasesList().stream().map(PlanRecorder::aliasName).filter(n -> !n.isEmpty())
                            .sorted().toList(),
                    StructJson.of(request.getObject()));
            synchronized (resources) {
                resources.add(planned);
            }
        }
        return super.registerResourceAsync(resource, request);
    }

    List<PlannedResource> resources() {
        synchronized (resources) {
            return List.copyOf(resources);
        }
    }

    /** The old logical name an alias carries: a spec's name, or the name at the end of an alias URN. */
    private static String aliasName(AliasOuterClass.Alias alias) {
        return alias.hasUrn() ? nameOf(alias.getUrn()) : alias.getSpec().getName();
    }

    private static String parentName(String urn) {
        return urn.isEmpty() || urn.split("::")[2].equals(STACK_TYPE) ? null : nameOf(urn);
    }

    /** A provider reference is {@code <urn>::<id>}. */
    private static String providerName(String reference) {
        return reference.isEmpty() ? null : nameOf(reference.substring(0, reference.lastIndexOf("::")));
    }

    /** The logical name at the end of a URN ({@code urn:pulumi:stack::project::type::name}). */
    private static String nameOf(String urn) {
        int separator = urn.lastIndexOf("::");
        return separator < 0 ? urn : urn.substring(separator + 2);
    }
}
