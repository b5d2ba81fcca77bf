package dev.tracestack.component;

import com.pulumi.core.Alias;
import com.pulumi.resources.CustomResourceOptions;

/**
 * A child registered under another name before its component named children {@code <component>-<role>}.
 * The alias makes the engine move the deployed resource to the new name instead of deleting it and creating
 * it again: for the Elasticsearch cluster that is the difference between a rename and losing the indices.
 */
public final class Renamed {

    private Renamed() {
    }

    /** {@code options} plus an alias to the name the resource was registered under, with the same parent. */
    public static CustomResourceOptions from(String oldName, CustomResourceOptions options) {
        return CustomResourceOptions.merge(options,
                CustomResourceOptions.builder().aliases(Alias.builder().name(oldName).build()).build());
    }
}
