package org.stepwise.ui;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import javafx.application.Platform;

/** The rules of the UI layer (architecture.md, "Layout" and "Threads"), checked on the compiled classes. */
@AnalyzeClasses(packages = "org.stepwise.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class UiArchitectureTest {

    @ArchTest
    static final ArchRule uiNeverTouchesTheStore = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "org.stepwise.store..")
            .because("the UI reaches data only through the domain ports; the composition root wires the store");

    @ArchTest
    static final ArchRule viewModelsHaveNoNodes = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .or().haveSimpleName("FormField")
            .or().haveSimpleName("BackgroundRunner")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..")
            .because("view models hold state in javafx.beans and javafx.collections only, so they test without a toolkit");

    @ArchTest
    static final ArchRule onlyTheBridgeCallsRunLater = noClasses()
            .that().doNotHaveSimpleName("FxThreadBridge")
            .should().callMethod(Platform.class, "runLater", Runnable.class)
            .because("results of background work reach the JavaFX thread through one bridge, which tests replace");

    @ArchTest
    static final ArchRule noThreadIsStartedByHand = noClasses()
            .should().callConstructorWhere(target(owner(assignableTo(Thread.class))))
            .because("all store work runs on the one db thread of the BackgroundRunner");

    @ArchTest
    static final ArchRule nothingPrintsToTheConsole = noClasses()
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("a console line can carry patient data; the UI logs through System.Logger without it");
}
