package org.stepwise.demo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.stepwise.demo", importOptions = ImportOption.DoNotIncludeTests.class)
class DemoArchitectureTest {

    @ArchTest
    static final ArchRule demoDataIsPureComputationOverTheDomain = classes()
            .that().resideInAPackage("org.stepwise.demo..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "org.stepwise.demo..", "org.stepwise.domain..",
                    "java.lang..", "java.util..", "java.time..", "java.math..")
            .because("the demo generator only computes domain values: no store, UI, files or network");
}
