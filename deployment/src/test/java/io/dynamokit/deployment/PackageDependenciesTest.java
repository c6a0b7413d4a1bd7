package io.dynamokit.deployment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * The extension's rooms and the direction of their dependencies, as written in the architecture section of the
 * guide (index.adoc): no package cycle in the runtime or the deployment module, public packages independent of
 * the implementation, and client settings <- tables <- config stores <- health.
 * <p>
 * The engine ({@code io.dynamokit.engine}) is a separate library with its own layout and is not checked here.
 */
class PackageDependenciesTest {

    private static JavaClasses extension;

    @BeforeAll
    static void importExtension() {
        extension = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(PackageDependenciesTest::notEngine)
                .importPackages("io.dynamokit");
    }

    private static boolean notEngine(Location location) {
        return !location.contains("/io/dynamokit/engine/");
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.dynamokit.(**)").should().beFreeOfCycles().check(extension);
    }

    @Test
    void publicPackagesDoNotReachIntoTheImplementation() {
        noClasses().that().resideInAnyPackage("io.dynamokit.document..", "io.dynamokit.configstore..",
                "io.dynamokit.table..", "io.dynamokit.http..", "io.dynamokit.instrument..")
                .should().dependOnClassesThat().resideInAnyPackage("io.dynamokit.runtime..", "io.dynamokit.deployment..")
                .check(extension);
    }

    @Test
    void runtimeDoesNotDependOnDeployment() {
        noClasses().that().resideInAnyPackage("io.dynamokit.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage("io.dynamokit.deployment..")
                .check(extension);
    }

    @Test
    void clientSettingsKnowNothingOfTablesOrConfigStores() {
        noClasses().that().resideInAnyPackage("io.dynamokit.runtime.client..")
                .should().dependOnClassesThat().resideInAnyPackage("io.dynamokit.runtime.table..",
                        "io.dynamokit.runtime.configstore..", "io.dynamokit.table..", "io.dynamokit.configstore..")
                .check(extension);
    }

    @Test
    void tablesKnowNothingOfConfigStores() {
        noClasses().that().resideInAnyPackage("io.dynamokit.runtime.table..", "io.dynamokit.table..")
                .should().dependOnClassesThat().resideInAnyPackage("io.dynamokit.runtime.configstore..",
                        "io.dynamokit.configstore..")
                .check(extension);
    }
}
