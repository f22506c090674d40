package dev.opendesk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of ARCHITECTURE.md, checked over the production classes of every module. */
final class ArchitectureRulesTest {
    /**
     * A floor on how many classes were imported: if the class path were broken and nothing got
     * imported, every rule below would pass vacuously.
     */
    private static final int MINIMUM_IMPORTED_CLASSES = 80;

    /** The only classes allowed to touch the process's standard streams. */
    private static final Class<?>[] OUTPUT_CLASSES = {
        dev.opendesk.app.Main.class,
        dev.opendesk.app.cli.McpServing.class, // hands the real stdout to the MCP stdio transport
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.opendesk");
    }

    @Test
    void importsTheWholeProduct() {
        assertThat(classes.size()).isGreaterThanOrEqualTo(MINIMUM_IMPORTED_CLASSES);
        for (String pkg : new String[] {"dev.opendesk.core.model", "dev.opendesk.core.computer", "dev.opendesk.spi",
            "dev.opendesk.backend.x11", "dev.opendesk.transport.local", "dev.opendesk.adapter.mcp", "dev.opendesk.app.cli"}) {
            assertThat(classes.containPackage(pkg)).as(pkg).isTrue();
        }
    }

    @Test
    void coreDependsOnlyOnTheJdkMsgpackGsonSlf4jAndJspecify() {
        check(classes().that().resideInAPackage("dev.opendesk.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "dev.opendesk.core..", "java..", "javax.crypto..", "javax.imageio..", "javax.net..",
                        "org.msgpack..", "com.google.gson..", "org.slf4j..", "org.jspecify.."));
    }

    @Test
    void spiDependsOnlyOnCore() {
        check(classes().that().resideInAPackage("dev.opendesk.spi..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "dev.opendesk.spi..", "dev.opendesk.core..", "java..", "org.jspecify.."));
    }

    @Test
    void coreAndSpiDoNotReachOutward() {
        check(noClasses().that().resideInAnyPackage("dev.opendesk.core..", "dev.opendesk.spi..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.opendesk.app..", "dev.opendesk.backend..", "dev.opendesk.transport..", "dev.opendesk.adapter..",
                        "dev.opendesk.codec.."));
    }

    @Test
    void noPluginDependsOnAnotherPlugin() {
        check(slices().matching("dev.opendesk.(backend|transport|adapter|codec).(*)..")
                .should().notDependOnEachOther());
        check(noClasses().that().resideInAnyPackage("dev.opendesk.backend..", "dev.opendesk.transport..", "dev.opendesk.adapter..",
                        "dev.opendesk.codec..")
                .should().dependOnClassesThat().resideInAPackage("dev.opendesk.app.."));
    }

    @Test
    void onlyTheAppUsesGuicePicocliOrLogback() {
        check(noClasses().that().resideOutsideOfPackage("dev.opendesk.app..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "picocli..", "ch.qos.logback.."));
    }

    @Test
    void noPackageCycles() {
        check(slices().matching("dev.opendesk.(**)").should().beFreeOfCycles());
    }

    private static final ArchRule NO_STANDARD_STREAMS = noClasses().that().doNotBelongToAnyOf(OUTPUT_CLASSES)
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("stdout belongs to the MCP stdio transport and CLI output; logs go through slf4j");

    @Test
    void onlyOutputClassesTouchStandardStreams() {
        check(NO_STANDARD_STREAMS);
    }

    @Test
    void theStandardStreamRuleCatchesAnOffenderAndNamesIt() {
        JavaClasses offender = new ClassFileImporter().importClasses(StdoutOffender.class);
        assertThatThrownBy(() -> NO_STANDARD_STREAMS.check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(StdoutOffender.class.getName());
    }

    /** A class that breaks the rule, to prove the rule can fail. */
    static final class StdoutOffender {
        void print() {
            System.out.println("not allowed");
        }
    }

    @Test
    void noJavaUtilLogging() {
        check(noClasses().should().dependOnClassesThat().resideInAPackage("java.util.logging.."));
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
