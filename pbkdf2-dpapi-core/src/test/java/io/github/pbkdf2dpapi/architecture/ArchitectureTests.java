package io.github.pbkdf2dpapi.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Architecture rules for the core module: no Spring Boot, no spring-core, no package cycles.
 */
class ArchitectureTests {

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.pbkdf2dpapi");

	@Test
	void coreDoesNotDependOnSpringBoot() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.boot..", "org.springframework.context..",
					"org.springframework.beans..", "org.springframework.core..", "org.springframework.util..")
			.because("pbkdf2-dpapi-core works without Spring Boot (DESIGN.md)")
			.check(CORE);
	}

	@Test
	void packagesAreFreeOfCycles() {
		slices().matching("io.github.pbkdf2dpapi.(**)").should().beFreeOfCycles().check(CORE);
	}

}
