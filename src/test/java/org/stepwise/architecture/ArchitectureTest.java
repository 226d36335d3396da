package org.stepwise.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import javafx.application.Platform;

/** The layer rules of the architecture guide, one rule each; every one fails when the code breaks it. */
@AnalyzeClasses(packages = "org.stepwise", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPureJava = classes()
            .that().resideInAPackage("org.stepwise.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.stepwise.domain..", "java..")
            .andShould().onlyDependOnClassesThat().resideOutsideOfPackages("java.sql..", "java.awt..", "java.net..")
            .because("the clinical rules are plain Java, testable alone and shared by the store, the export, "
                    + "the review and the UI");

    @ArchTest
    static final ArchRule uiNeverTouchesTheStore = noClasses()
            .that().resideInAPackage("org.stepwise.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.stepwise.store..", "org.jooq..", "java.sql..", "org.h2..", "org.flywaydb..")
            .because("screens reach data only through the domain ports, wired by the composition root");

    @ArchTest
    static final ArchRule headlessLayersHaveNoUi = noClasses()
            .that().resideInAnyPackage("org.stepwise.store..", "org.stepwise.exchange..", "org.stepwise.domain..",
                    "org.stepwise.demo..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                    "org.stepwise.ui..")
            .because("the store, the file formats and the rules run without a window (commands, tests)");

    @ArchTest
    static final ArchRule viewModelsHaveNoNodes = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .or().haveSimpleName("FormField")
            .or().haveSimpleName("BackgroundRunner")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..")
            .because("view models hold state in javafx.beans and javafx.collections only, so they test without a toolkit");

    @ArchTest
    static final ArchRule noThreadIsStartedByHand = noClasses()
            .should().callConstructorWhere(target(owner(assignableTo(Thread.class))))
            .because("all store work runs on the one db thread of the BackgroundRunner");

    @ArchTest
    static final ArchRule onlyTheBridgeCallsRunLater = noClasses()
            .that().doNotHaveSimpleName("FxThreadBridge")
            .should().callMethod(Platform.class, "runLater", Runnable.class)
            .because("results of background work reach the FX thread through one bridge, which tests replace");

    @ArchTest
    static final ArchRule appLayersDoNotPrint = noClasses()
            .that().resideInAnyPackage("org.stepwise.domain..", "org.stepwise.store..", "org.stepwise.ui..",
                    "org.stepwise.exchange..", "org.stepwise.demo..", "org.stepwise.pack..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("a console line can carry patient data; log through System.Logger without it "
                    + "(only the command line prints its output)");
}
