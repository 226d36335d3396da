package org.stepwise.pack;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The pack's own rule; that it prints nothing is one of {@code ArchitectureTest}'s rules. */
@AnalyzeClasses(packages = "org.stepwise", importOptions = ImportOption.DoNotIncludeTests.class)
class PackArchitectureTest {

    @ArchTest
    static final ArchRule thePackRunsWithoutAWindow = classes()
            .that().resideInAPackage("org.stepwise.pack..")
            .should().onlyDependOnClassesThat(resideInAnyPackage(
                    "org.stepwise.pack..", "org.stepwise.chart..", "org.stepwise.domain..", "org.stepwise.exchange..",
                    "org.apache.pdfbox..", "java.."))
            .because("the pack is written from the command line too: it draws the chart's model "
                    + "(plain Java, in org.stepwise.chart) with PDFBox and needs no JavaFX, store or window");
}
