package dev.tracestack;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Which package may import which, so the layers stay what DESIGN.md says: wire at the bottom; config is data
 * and knows nothing of what is made from it; render is pure (no Pulumi type, no component); components only
 * register; the commands (plan, cost, rehearse) sit on top and do not reach into each other; engine, how a program
 * meets the Pulumi engine, knows only the SDK.
 */
@AnalyzeClasses(packages = "dev.tracestack",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    private static final String PULUMI = "com.pulumi..";
    private static final String WIRE = "dev.tracestack.wire..";
    private static final String CONFIG = "dev.tracestack.config..";
    private static final String RENDER = "dev.tracestack.render..";
    private static final String COMPONENT = "dev.tracestack.component..";
    private static final String PLAN = "dev.tracestack.plan..";
    private static final String COST_COMMAND = "dev.tracestack.cost..";
    private static final String REHEARSE = "dev.tracestack.rehearse..";
    private static final String CLI = "dev.tracestack.cli..";
    private static final String ENGINE = "dev.tracestack.engine..";
    private static final String STACK_CONFIG = "dev.tracestack.config.StackConfig";

    @ArchTest
    static final ArchRule wireIsTheBottom = noClasses().that().resideInAPackage(WIRE)
            .should().dependOnClassesThat().resideInAnyPackage(CONFIG, RENDER, COMPONENT, PLAN, COST_COMMAND,
                    REHEARSE, CLI, PULUMI)
            .because("ports and well-known names are facts both sides of a connection share");

    @ArchTest
    static final ArchRule configKnowsNothingMadeFromIt = noClasses().that().resideInAPackage(CONFIG)
            .should().dependOnClassesThat().resideInAnyPackage(RENDER, COMPONENT, PLAN, COST_COMMAND, REHEARSE,
                    CLI, PULUMI)
            .because("config is data, read and checked once; everything else is made from it");

    @ArchTest
    static final ArchRule renderIsPure = noClasses().that().resideInAPackage(RENDER)
            .should().dependOnClassesThat().resideInAnyPackage(COMPONENT, PLAN, COST_COMMAND, REHEARSE, CLI, PULUMI)
            .because("renderers (the cost estimate among them) are plain functions from config to values");

    @ArchTest
    static final ArchRule componentsOnlyRegister = noClasses().that().resideInAPackage(COMPONENT)
            .should().dependOnClassesThat().resideInAnyPackage(PLAN, COST_COMMAND, REHEARSE, CLI)
            .because("a component registers resources from rendered results and knows no command");

    @ArchTest
    static final ArchRule componentsTakeTheirRenderedResultNeverTheWholeConfig = noClasses().that()
            .resideInAPackage(COMPONENT).should().dependOnClassesThat().haveFullyQualifiedName(STACK_CONFIG)
            .orShould().dependOnClassesThat().haveFullyQualifiedName(STACK_CONFIG + "Parser")
            .because("each component's Args is its own rendered result plus its siblings' outputs");

    @ArchTest
    static final ArchRule rehearsalRunsRenderedConfigsNotThePlan = noClasses().that().resideInAPackage(REHEARSE)
            .should().dependOnClassesThat().resideInAnyPackage(COMPONENT, PLAN, COST_COMMAND, PULUMI)
            .because("a rehearsal runs the rendered configs on the real programs, not the Pulumi program");

    @ArchTest
    static final ArchRule theCostCommandPricesWithoutTheProgram = noClasses().that().resideInAPackage(COST_COMMAND)
            .should().dependOnClassesThat().resideInAnyPackage(COMPONENT, PLAN, REHEARSE, PULUMI)
            .because("cost prices a stack from its config without running the program");

    @ArchTest
    static final ArchRule thePlanRunsNoRehearsalOrCostCommand = noClasses().that().resideInAPackage(PLAN)
            .should().dependOnClassesThat().resideInAnyPackage(COST_COMMAND, REHEARSE);

    @ArchTest
    static final ArchRule theEngineKnowsOnlyTheSdk = noClasses().that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage(WIRE, CONFIG, RENDER, COMPONENT, PLAN, COST_COMMAND,
                    REHEARSE, CLI)
            .because("how a program meets the Pulumi engine, live or offline, is the same for any program");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("dev.tracestack.(*)..").should().beFreeOfCycles();
}
