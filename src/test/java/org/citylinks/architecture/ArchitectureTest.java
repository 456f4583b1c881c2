package org.citylinks.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.smallrye.config.ConfigMapping;

/**
 * The architecture the README draws ("Architecture"), checked on the compiled classes: which
 * feature may use which, with no cycle, and only through the classes each feature publishes. The
 * generated contract ({@code org.citylinks.api}) may be used by all.
 */
class ArchitectureTest {

    private static final String BASE = "org.citylinks.";

    /** Each feature and the features it may use (besides itself, common and the generated api). */
    static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("common", Set.of()),
            Map.entry("city", Set.of()),
            Map.entry("partnership", Set.of("city")),
            Map.entry("proposal", Set.of("city", "partnership")),
            Map.entry("visit", Set.of("city", "proposal")),
            Map.entry("conference", Set.of("city")),
            Map.entry("organization", Set.of("city")),
            Map.entry("calendar", Set.of("city", "visit", "conference", "partnership")),
            Map.entry("search", Set.of()),
            Map.entry("changes", Set.of()),
            Map.entry("webhook", Set.of()),
            Map.entry("ops", Set.of("partnership", "proposal")),
            Map.entry("docs", Set.of()),
            Map.entry("devdata", Set.of()));

    /**
     * What each feature publishes to the others: one class they call (its directory or service), the
     * interfaces it asks others to implement, and the values of its vocabulary.
     */
    static final Map<String, Set<String>> PUBLISHED = Map.of(
            "city", Set.of("CityDirectory", "CitySummary", "CityCalendar", "CityPartnerList", "CityGovernments", "Network",
                    "CreativeField"),
            "partnership", Set.of("PartnershipService", "RelationshipType", "PartnershipStatus", "CooperationFields"),
            "proposal", Set.of("ProposalDirectory", "ProposalStatus"),
            "visit", Set.of("VisitService", "VisitSearch", "Visit", "VisitMode"),
            "conference", Set.of("ConferenceService", "ConferenceSearch", "Conference", "ConferenceCalendar"));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.citylinks");
    }

    @Test
    void featuresFormNoCycle() {
        slices().matching("org.citylinks.(*)..").should().beFreeOfCycles()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), inPackage("api"))
                .check(classes);
    }

    @Test
    void eachFeatureUsesOnlyTheFeaturesBelowIt() {
        for (Map.Entry<String, Set<String>> feature : MAY_USE.entrySet()) {
            List<String> forbidden = MAY_USE.keySet().stream()
                    .filter(other -> !other.equals(feature.getKey()) && !other.equals("common")
                            && !feature.getValue().contains(other))
                    .map(other -> BASE + other + "..").toList();
            noClasses().that().resideInAPackage(BASE + feature.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .because(feature.getKey() + " may use only " + feature.getValue() + " (README, Architecture)")
                    .check(classes);
        }
        noClasses().that().resideInAPackage(BASE + "common..")
                .should().dependOnClassesThat(featureClass())
                .because("common serves every feature and knows none").check(classes);
    }

    @Test
    void featuresUseEachOtherOnlyThroughWhatTheyPublish() {
        for (Map.Entry<String, Set<String>> feature : PUBLISHED.entrySet()) {
            String name = feature.getKey();
            noClasses().that().resideOutsideOfPackage(BASE + name + "..")
                    .should().dependOnClassesThat(unpublishedIn(name, feature.getValue()))
                    .because(name + " publishes only " + feature.getValue()).check(classes);
        }
    }

    @Test
    void theDataLayerHoldsNoApiModel() {
        noClasses().that().haveSimpleNameEndingWith("Repository").or().haveSimpleNameEndingWith("Directory")
                .should().dependOnClassesThat().resideInAPackage(BASE + "api.model..")
                .because("repositories and directories return records of their own; only mappers build the"
                        + " contract's models, so that a contract change stops at the mappers")
                .check(classes);
    }

    @Test
    void settingsCarryNoBeanValidationConstraints() {
        noClasses().that().areAnnotatedWith(ConfigMapping.class)
                .should().dependOnClassesThat().resideInAPackage("jakarta.validation..")
                .because("one constrained @ConfigMapping makes Quarkus build a validator over every configuration"
                        + " class on each start (0.55 s of 2.9 s measured); SettingsCheck checks settings instead")
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> inPackage(String feature) {
        return DescribedPredicate.describe("in " + BASE + feature,
                type -> type.getPackageName().startsWith(BASE + feature));
    }

    private static DescribedPredicate<JavaClass> featureClass() {
        return DescribedPredicate.describe("a feature's class", type -> MAY_USE.keySet().stream()
                .filter(feature -> !feature.equals("common"))
                .anyMatch(feature -> type.getPackageName().startsWith(BASE + feature)));
    }

    private static DescribedPredicate<JavaClass> unpublishedIn(String feature, Set<String> published) {
        return DescribedPredicate.describe("a class " + feature + " does not publish",
                type -> type.getPackageName().equals(BASE + feature)
                        && !published.contains(type.getName().substring(type.getName().lastIndexOf('.') + 1).split("\\$")[0]));
    }
}
