package dev.tracestack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The jar Pulumi.yaml names as the program binary, as the language host and the README use it. */
class PackagedJarIT {

    private static final Path JAR = Path.of("target", "tracestack.jar");

    @ParameterizedTest
    @CsvSource({"kubernetes, 4.0.0", "gcp, 7.0.0", "docker, 4.5.1"})
    void keepsEachProvidersPluginJsonSoTheEngineInstallsTheMatchingPlugin(String provider, String version)
            throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            var entry = jar.getEntry("com/pulumi/" + provider + "/plugin.json");
            assertThat(entry).as("plugin.json of " + provider).isNotNull();
            JsonNode plugin = new ObjectMapper().readTree(jar.getInputStream(entry));
            assertThat(plugin.path("name").asText()).isEqualTo(provider);
            assertThat(plugin.path("version").asText()).isEqualTo(version);
            assertThat(plugin.path("resource").asBoolean()).isTrue();
        }
    }

    @Test
    void runsAsAnExecutableJar() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(App.class.getName());
        }
    }

    @Test
    void plansTheDevStackInAFreshJvm(@TempDir Path out) throws Exception {
        Process process = new ProcessBuilder("java", "-jar", JAR.toString(), "plan", "dev", "--out", out.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("stack dev (environment dev");
        assertThat(Files.readString(out.resolve("resources.json"))).contains("\"type\" : \"tracestack:index:TracingStack\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod", "local"})
    void writesTheSamePlanWithTheLaunchersClassDataArchiveAsWithout(String stack, @TempDir Path work)
            throws Exception {
        // The launcher runs plans from an AppCDS archive; the order in which the JVM lists a class's methods
        // differs with one, and no file of the plan may depend on that order.
        Path archive = work.resolve("plan.jsa");
        Path without = work.resolve("without");
        Path with = work.resolve("with");
        plan(stack, without, "-XX:ArchiveClassesAtExit=" + archive);
        plan(stack, with, "-XX:SharedArchiveFile=" + archive);

        assertThat(files(with)).isEqualTo(files(without)).isNotEmpty();
        for (Path file : files(without)) {
            assertThat(with.resolve(file)).as(file.toString()).hasSameTextualContentAs(without.resolve(file));
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    private static void plan(String stack, Path out, String archiveOption) throws Exception {
        Process process = new ProcessBuilder("java", archiveOption, "-Xshare:auto", "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-jar", JAR.toString(), "plan", stack, "--out", out.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void exitsTwoOnInvalidConfig(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), "config:\n  tracestack:retentionDays: -1\n");
        Process process = new ProcessBuilder("java", "-jar", JAR.toAbsolutePath().toString(), "plan", "dev",
                "--dir", dir.toString()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("tracestack:retentionDays must be within [1, 3650] days, got -1")
                .contains("gcp:project is required");
    }
}
