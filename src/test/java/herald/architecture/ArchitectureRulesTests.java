package herald.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.stereotype.Controller;

/** What Spring Modulith cannot see, from the house style. */
@AnalyzeClasses(packages = "herald", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureRulesTests {

    static final String[] HTTP_CLIENTS = {
        "java.net.http..", "org.springframework.web.client..", "org.springframework.web.reactive.function.client.."
    };
    static final String[] TRANSACTIONAL = {
        "org.springframework.transaction.annotation.Transactional", "jakarta.transaction.Transactional"
    };

    @ArchTest
    static final ArchRule onlyTheVaultTouchesCrypto = noClasses()
            .that()
            .resideOutsideOfPackage("herald.vault..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.google.crypto.tink..")
            .because("every stored secret goes through the vault, which owns key rotation")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule platformsDoNotKnowEachOther = slices().matching("herald.providers.(*)..")
            .should()
            .notDependOnEachOther()
            // Facebook and Instagram are one company's Graph API: its client, login and usage headers are shared.
            .ignoreDependency(
                    resideInAnyPackage("herald.providers.facebook..", "herald.providers.instagram.."),
                    resideInAnyPackage("herald.providers.meta.."))
            .because("each platform is one package behind the SocialProvider SPI")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noHttpCallsInTransactionalClasses = noClasses()
            .that(areTransactional())
            .should()
            .dependOnClassesThat(resideInAnyPackage(HTTP_CLIENTS))
            .because("no HTTP call is made while a transaction holds a connection and locks")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noHttpCallsInTransactionalMethods = methods()
            .that(describe("are annotated @Transactional", (JavaMethod method) -> isTransactional(method)))
            .should(notTouchHttpClients())
            .because("no HTTP call is made while a transaction holds a connection and locks")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noJpa = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.persistence..", "org.hibernate..", "org.springframework.data.jpa..")
            .because("persistence is JdbcClient with records, never JPA");

    @ArchTest
    static final ArchRule controllersLiveInWeb = classes()
            .that()
            .areMetaAnnotatedWith(Controller.class)
            .should()
            .resideInAnyPackage("herald.web..", "herald.sandbox..")
            .because("all HTTP adapters of Herald live in the web module (docs/adr/0002); the Sandbox is a separate"
                    + " platform with its own (docs/adr/0005)")
            .allowEmptyShould(true);

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> areTransactional() {
        return describe("are annotated @Transactional", (JavaClass type) -> {
            for (String annotation : TRANSACTIONAL) {
                if (type.isAnnotatedWith(annotation)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static boolean isTransactional(JavaMethod method) {
        for (String annotation : TRANSACTIONAL) {
            if (method.isAnnotatedWith(annotation)) {
                return true;
            }
        }
        return false;
    }

    private static ArchCondition<JavaMethod> notTouchHttpClients() {
        return new ArchCondition<>("not call an HTTP client") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaAccess<?> access : method.getAccessesFromSelf()) {
                    if (resideInAnyPackage(HTTP_CLIENTS).test(access.getTargetOwner())) {
                        events.add(SimpleConditionEvent.violated(method, access.getDescription()));
                    }
                }
            }
        };
    }
}
