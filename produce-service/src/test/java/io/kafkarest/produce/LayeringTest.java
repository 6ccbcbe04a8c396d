package io.kafkarest.produce;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import io.kafkarest.testing.LayeringRules;

/**
 * api -> core -> kafka, and no other service's code (the rules: {@link LayeringRules}). Methods, not
 * {@code ArchRule} fields: Surefire 3.5.3 does not run {@code @ArchTest} fields (TNG/ArchUnit#1442).
 */
@AnalyzeClasses(packages = LayeringTest.BASE, importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    static final String BASE = "io.kafkarest.produce";

    @ArchTest
    static void coreDoesNotSpeakHttp(JavaClasses classes) {
        LayeringRules.coreDoesNotSpeakHttp(BASE).check(classes);
    }

    @ArchTest
    static void apiDoesNotUseKafkaLayer(JavaClasses classes) {
        LayeringRules.apiDoesNotUseKafkaLayer(BASE).check(classes);
    }

    @ArchTest
    static void doesNotUseOtherServices(JavaClasses classes) {
        LayeringRules.doesNotUseOtherServices(BASE).check(classes);
    }
}
