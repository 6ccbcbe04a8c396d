package io.kafkarest.gateway;

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
    static final String BASE = "io.kafkarest.gateway";

    @ArchTest
    static void coreDoesNotSpeakHttp(JavaClasses classes) {
        LayeringRules.coreDoesNotSpeakHttp(BASE).check(classes);
    }

    /**
     * Vacuous today: the gateway has no Kafka client and no kafka package. Its backend package (the HTTP client to
     * the services) is what api, a streaming proxy, drives directly, so it is not the gateway's "kafka" layer.
     */
    @ArchTest
    static void apiDoesNotUseKafkaLayer(JavaClasses classes) {
        LayeringRules.apiDoesNotUseKafkaLayer(BASE).check(classes);
    }

    @ArchTest
    static void doesNotUseOtherServices(JavaClasses classes) {
        LayeringRules.doesNotUseOtherServices(BASE).check(classes);
    }
}
