package org.stepwise.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Collection;
import java.util.Set;
import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.BaseStream;
import javafx.application.Platform;
import org.stepwise.architecture.DeliberateThread;
import org.stepwise.ui.common.BackgroundRunner;

/**
 * The layer rules of the architecture guide, one rule each; every one fails when the code breaks it. A
 * deliberate exception is marked in the code with an annotation of {@code org.stepwise.architecture}, which
 * says why.
 */
@AnalyzeClasses(packages = "org.stepwise", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** A call that starts a thread or a pool: constructing or starting one, or asking the JDK for one. */
    private static final DescribedPredicate<JavaCall<?>> STARTS_A_THREAD = DescribedPredicate.describe(
            "starts a thread, an executor, a timer or a parallel stream", call -> {
                JavaClass owner = call.getTargetOwner();
                String name = call.getName();
                boolean constructs = call instanceof JavaConstructorCall;
                return owner.isAssignableTo(Thread.class)
                        && (constructs || Set.of("start", "ofPlatform", "ofVirtual", "startVirtualThread").contains(name))
                        || owner.isAssignableTo(Thread.Builder.class)
                        || owner.isEquivalentTo(Executors.class)
                        || constructs && (owner.isAssignableTo(ExecutorService.class) || owner.isAssignableTo(Timer.class)
                                || owner.isAssignableTo("javafx.concurrent.Service"))
                        || owner.isEquivalentTo(CompletableFuture.class) && name.endsWith("Async")
                        || owner.isAssignableTo(Collection.class) && name.equals("parallelStream")
                        || owner.isAssignableTo(BaseStream.class) && name.equals("parallel");
            });

    @ArchTest
    static final ArchRule topLevelPackagesHaveNoCycles = slices()
            .matching("org.stepwise.(*)..")
            .should().beFreeOfCycles()
            .because("each package can then be read, tested and changed from the bottom up: the models that the "
                    + "screen and the paper share sit below both, never in one of them");

    @ArchTest
    static final ArchRule domainPackagesHaveNoCycles = slices()
            .matching("org.stepwise.domain.(*)..")
            .should().beFreeOfCycles()
            .because("the clinical rules are layered (measures, contacts, outcomes, flags): a rule that needs "
                    + "another's type takes it from below, so each part can be understood alone");

    @ArchTest
    static final ArchRule screensHaveNoCycles = slices()
            .matching("org.stepwise.ui.(*)..")
            .should().beFreeOfCycles()
            .because("the shell knows every screen and no screen knows the shell: a screen asks to move through a "
                    + "typed hook it defines, so a screen can be built and tested without the window");

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
    static final ArchRule packIsHeadless = noClasses()
            .that().resideInAPackage("org.stepwise.pack..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                    "org.stepwise.ui..")
            .because("the supervision pack is written by the command line on a machine with no display, and by the "
                    + "review screen's background work off the JavaFX thread");

    @ArchTest
    static final ArchRule chartModelsHaveNoToolkit = noClasses()
            .that().resideInAPackage("org.stepwise.chart..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                    "org.apache.pdfbox..", "org.stepwise.ui..", "org.stepwise.pack..")
            .because("one chart model serves the JavaFX chart and the PDF pack, so it knows neither");

    @ArchTest
    static final ArchRule viewModelsUseBeansAndCollectionsOnly = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .or().haveSimpleName("FormField")
            .or().haveSimpleName("BackgroundRunner")
            .should().dependOnClassesThat(resideInAPackage("javafx..")
                    .and(not(resideInAnyPackage("javafx.beans..", "javafx.collections.."))))
            .because("view models hold state in javafx.beans and javafx.collections only, so they test without a "
                    + "toolkit and never reach a node");

    @ArchTest
    static final ArchRule onlyTheBackgroundRunnerStartsThreads = noClasses()
            .that().doNotBelongToAnyOf(BackgroundRunner.class)
            .and().areNotAnnotatedWith(DeliberateThread.class)
            .should().callCodeUnitWhere(STARTS_A_THREAD)
            .because("all store work runs, in order, on the one db thread of the BackgroundRunner, and results reach "
                    + "the screen through its bridge; a class that truly needs a thread of its own says why with "
                    + "@DeliberateThread");

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
