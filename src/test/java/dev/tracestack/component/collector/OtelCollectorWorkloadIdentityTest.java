package dev.tracestack.component.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestResult;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.Names;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Google service account email, an input from the GCP part, ends up on the collector's KSA. */
class OtelCollectorWorkloadIdentityTest {

    /** Echoes inputs as outputs, enough for the component's children. */
    private static final class EchoMocks implements Mocks {
        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), args.inputs));
        }

        @Override
        public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
            return CompletableFuture.failedFuture(new IllegalStateException("no call expected: " + args.token));
        }
    }

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void theServiceAccountIsAnnotatedWithTheGoogleServiceAccountEmail() {
        StackConfig config = StackHarness.config("stage");
        String email = "otel-collector@dta-cloud-de-stage.iam.gserviceaccount.com";
        TestResult result = PulumiTest.withMocks(new EchoMocks()).runTest(ctx -> new OtelCollector("otel-collector",
                new OtelCollector.Args(RenderedStack.render(config).collector().orElseThrow(),
                        Optional.of(Output.of(email))),
                ComponentResourceOptions.builder().build())).throwOnError();

        ServiceAccount account = result.resources().stream().filter(ServiceAccount.class::isInstance)
                .map(ServiceAccount.class::cast).findFirst().orElseThrow();
        assertThat(PulumiTest.extractValue(account.metadata()).annotations())
                .containsEntry(Names.WORKLOAD_IDENTITY_ANNOTATION, email);
    }
}
