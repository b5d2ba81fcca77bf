package dev.tracestack.component;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.internal.Internal;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.ResourceArgs;
import dev.tracestack.render.Names;
import java.util.concurrent.CompletableFuture;

/**
 * A password the {@code random} provider generates once and keeps in the stack's state, encrypted: Pulumi's
 * {@code random.RandomPassword}. Maven Central serves no Java SDK of that provider, so this declares the one
 * resource the stack needs, as {@code KubernetesCustomResource} does for ECK's kinds; the provider plugin is
 * declared in {@code com/pulumi/random/plugin.json}, so {@code pulumi up} installs it like the others.
 */
public final class RandomPassword extends CustomResource {

    public static final String TYPE = "random:index/randomPassword:RandomPassword";
    /** The provider plugin's package name and the version {@code plugin.json} declares. */
    public static final String PACKAGE = "random";
    public static final String VERSION = "4.21.4";

    @Export(name = "result", refs = {String.class}, tree = "[0]")
    private Output<String> result;

    /** @param options the parent; the result is always a secret */
    public RandomPassword(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, CustomResourceOptions.merge(options,
                CustomResourceOptions.builder().additionalSecretOutputs("result").build()));
    }

    /** The password, as a secret output. */
    public Output<String> result() {
        return result.asSecret();
    }

    /**
     * A short hash of the password, not secret: eight hex digits of SHA-256 of a 190-bit random string reveal
     * nothing of it, and a pod-template annotation must stay readable in the plan (a secret would hide the
     * whole annotations map, config hash included).
     */
    public Output<String> hash() {
        return Internal.of(result.applyValue(Names::hash8)).withIsSecret(CompletableFuture.completedFuture(false));
    }

    /** The explicit provider: {@code Pulumi.yaml} disables the default ones. */
    public static ProviderResource provider() {
        return new ProviderResource(PACKAGE, PACKAGE, ResourceArgs.Empty,
                CustomResourceOptions.builder().version(VERSION).build());
    }

    /** Length and alphabet; letters and digits only, so no client has to escape it. */
    public static final class Args extends ResourceArgs {
        @Import(name = "length", required = true)
        private final Output<Integer> length;
        @Import(name = "special")
        private final Output<Boolean> special;

        public Args(int length) {
            this.length = Output.of(length);
            this.special = Output.of(false);
        }
    }
}
