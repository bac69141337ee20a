package io.cardflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;

/**
 * The package structure the code base keeps: each top-level package of {@code io.cardflow} (a feature such as
 * {@code card}, or shared ground such as {@code common}, {@code config}, {@code web}) depends on others without ever
 * coming back to itself; HTTP stays with the controllers and the web-facing packages; and requests are handled only by
 * controllers, which nothing else calls. Which tables each feature may touch is {@link TableOwnershipTest}'s.
 */
class BoundariesTest {

    /**
     * Where HTTP is at home: the web plumbing, authentication, idempotent replays, requests that wait (long-poll), the
     * OpenAPI document and the web for people (portal: its pages and its session-based filter chain).
     */
    private static final String[] WEB_FACING = {
            "io.cardflow.web..", "io.cardflow.security..", "io.cardflow.idempotency..", "io.cardflow.longpoll..", "io.cardflow.openapi..",
            "io.cardflow.portal.."};
    private static final String[] HTTP = {
            "org.springframework.http..", "org.springframework.web..", "jakarta.servlet..", "org.apache.catalina..",
            "org.apache.tomcat..", "io.cardflow.web..", "io.cardflow.idempotency.."};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.cardflow");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.cardflow.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void domainCodeKnowsNoHttp() {
        noClasses().that().resideInAPackage("io.cardflow.(*)..").and().resideOutsideOfPackages(WEB_FACING)
                .and().areNotMetaAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().resideInAnyPackage(HTTP)
                .because("services and repositories throw domain errors (ApiException with an ErrorCode); "
                        + "the web layer turns them into statuses and bodies")
                .check(CLASSES);
    }

    @Test
    void onlyControllersHandleRequests() {
        classes().that().areMetaAnnotatedWith(Controller.class).and().resideOutsideOfPackage("io.cardflow.web")
                .should().haveSimpleNameEndingWith("Controller")
                .check(CLASSES);
        classes().that().haveSimpleNameEndingWith("Controller").and().resideInAPackage("io.cardflow..")
                .should().beMetaAnnotatedWith(Controller.class)
                .check(CLASSES);
    }

    @Test
    void nothingCallsAController() {
        noClasses().that().areNotMetaAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().areMetaAnnotatedWith(Controller.class)
                .check(CLASSES);
    }
}
