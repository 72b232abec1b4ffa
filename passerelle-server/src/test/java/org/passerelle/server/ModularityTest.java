package org.passerelle.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The walls: business modules talk only through each other's published API, and the engines know no Spring. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(PasserelleApplication.class);

    @Test
    void modulesRespectTheirWalls() {
        modules.verify();
    }

    @Test
    void enginesDoNotDependOnSpring() {
        JavaClasses engines = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.passerelle.protocol", "org.passerelle.matching", "org.passerelle.graph", "org.passerelle.csv");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..")
                .allowEmptyShould(true).check(engines);
    }

    @Test
    void writesTheModuleDiagram() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
