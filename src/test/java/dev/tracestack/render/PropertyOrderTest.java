package dev.tracestack.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rendered files must not depend on how the JVM lists a class's methods, which no specification fixes and which
 * changes when classes come from a class-data-sharing archive (as under the {@code ./tracestack} launcher). A
 * record's components keep their declared order; values written from two or more other methods need an
 * explicit {@link JsonPropertyOrder}. {@code PackagedJarIT} checks the written plan itself, with and without
 * an archive.
 */
class PropertyOrderTest {

    @Test
    void everyTypeWrittenFromSeveralMethodsDeclaresItsPropertyOrder() {
        List<String> unordered = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tracestack").stream()
                .filter(type -> writtenMethods(type) >= 2)
                .filter(type -> !type.isAnnotatedWith(JsonPropertyOrder.class))
                .map(JavaClass::getName)
                .sorted()
                .toList();

        assertThat(unordered).as("types whose written properties come in reflection order").isEmpty();
    }

    @Test
    void theRuleFindsTheTypesItIsAbout() {
        JavaClass estimate = new ClassFileImporter().importClass(dev.tracestack.render.cost.CostEstimate.class);

        assertThat(writtenMethods(estimate)).isEqualTo(3);
    }

    private static long writtenMethods(JavaClass type) {
        return type.getMethods().stream().filter(m -> m.isAnnotatedWith(JsonProperty.class)).count();
    }
}
