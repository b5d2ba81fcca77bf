package dev.tracestack.render.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.render.RenderedStack;
import dev.tracestack.testing.StackHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The init script the cluster's Job and the local stack's init container share, run with a stand-in curl
 * that records its arguments (one per line, one call per block).
 */
class InitScriptTest {

    @TempDir
    Path dir;

    private String run(Map<String, String> env) throws IOException, InterruptedException {
        Path script = dir.resolve("init.sh");
        Files.writeString(script,
                RenderedStack.render(StackHarness.config("local")).file(ElasticsearchArtifacts.INIT_SCRIPT_FILE));
        Path curl = dir.resolve("curl");
        Files.writeString(curl,
                "#!/bin/sh\nfor arg in \"$@\"; do echo \"$arg\"; done >> \"$CALLS\"\necho --- >> \"$CALLS\"\n");
        assertThat(curl.toFile().setExecutable(true)).isTrue();
        ProcessBuilder process = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true);
        process.environment().put("PATH", dir + ":" + System.getenv("PATH"));
        process.environment().put("CALLS", dir.resolve("calls").toString());
        process.environment().putAll(env);
        Process running = process.start();
        String output = new String(running.getInputStream().readAllBytes());
        assertThat(running.waitFor()).as(output).isZero();
        return Files.readString(dir.resolve("calls"));
    }

    @Test
    void withoutCredentialsTheScriptTalksPlainHttpToTheLocalNode() throws Exception {
        String calls = run(Map.of("ES_URL", "http://elasticsearch:9200", "ILM_POLICY", "jaeger-ilm-policy"));

        assertThat(calls).doesNotContain("--cacert", "-u\n")
                .contains("http://elasticsearch:9200/_ilm/policy/jaeger-ilm-policy\n", "@/init/ilm-policy.json\n");
    }

    @Test
    void withEckCredentialsEveryCallCarriesTheCaAndTheUserWithThePasswordReadFromItsFile() throws Exception {
        Path password = dir.resolve("password");
        Files.writeString(password, "p w");

        String calls = run(Map.of("ES_URL", "https://jaeger-es-es-http:9200", "ILM_POLICY", "jaeger-ilm-policy",
                "ES_USERNAME", "jaeger-init", "ES_PASSWORD_FILE", password.toString(), "ES_CA_FILE", "/etc/ca.crt"));

        List<String> blocks = List.of(calls.split("---\n"));
        assertThat(blocks).hasSize(2).allSatisfy(call ->
                assertThat(call).contains("--cacert\n/etc/ca.crt\n-u\njaeger-init:p w\n"));
    }

    @Test
    void theWaitForTheClusterIsBoundedAndFailsTheJob() throws Exception {
        Path script = dir.resolve("init.sh");
        Files.writeString(script,
                RenderedStack.render(StackHarness.config("local")).file(ElasticsearchArtifacts.INIT_SCRIPT_FILE));
        Path curl = dir.resolve("curl");
        Files.writeString(curl, "#!/bin/sh\nexit 7\n");
        Path sleep = dir.resolve("sleep");
        Files.writeString(sleep, "#!/bin/sh\nexit 0\n");
        assertThat(curl.toFile().setExecutable(true) && sleep.toFile().setExecutable(true)).isTrue();
        ProcessBuilder process = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true);
        process.environment().put("PATH", dir + ":" + System.getenv("PATH"));
        process.environment().putAll(Map.of("ES_URL", "http://elasticsearch:9200", "ES_WAIT_ATTEMPTS", "3"));

        Process running = process.start();
        String output = new String(running.getInputStream().readAllBytes());

        assertThat(running.waitFor()).isEqualTo(1);
        assertThat(output).contains("did not become ready");
    }
}
