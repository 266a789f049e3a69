package de.buergerservice.telephony.internal.routing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The routing core stays pure: no Spring, no SIP stack, no database, no other module — only {@code java.*} and the
 * telephony module's API. That is what lets the planning module's simulation run the real routing at virtual time,
 * and {@code SwitchboardTests} run a morning in milliseconds.
 */
class RoutingCoreRulesTests {

    static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.buergerservice.telephony.internal.routing");

    @Test
    void dependsOnlyOnJavaAndTheTelephonyApi() {
        classes()
                .that()
                .resideInAPackage("de.buergerservice.telephony.internal.routing..")
                // the package's own annotation (its named interface) is metadata, not a dependency of the code
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..", "de.buergerservice.telephony", "de.buergerservice.telephony.internal.routing..")
                .because("the routing core is driven both by the SIP adapter and at virtual time by the simulation")
                .check(CORE);
    }
}
