package dev.tracestack.render;

import java.util.Map;

/**
 * What one part of a stack is deployed from, rendered once: its typed specs (the record implementing this)
 * and the files a reviewer reads in the plan, which are exactly the texts its component registers.
 */
public interface RenderedPart {

    /** The part's artifacts by relative path, e.g. {@code collector/gateway.yaml}. */
    Map<String, String> files();
}
