package herald.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** The hand-written rules in {@link ArchitectureRulesTests} really find what they look for. */
class ArchitectureRulesBiteTests {

    static class CallsOutInATransaction {
        @Transactional
        void publish() throws Exception {
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://example.com"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
        }
    }

    @RestController
    static class ControllerOutsideWeb {}

    @Test
    void findsAnHttpCallInATransactionalMethod() {
        JavaClasses classes = new ClassFileImporter().importClasses(CallsOutInATransaction.class);
        assertThatThrownBy(() -> ArchitectureRulesTests.noHttpCallsInTransactionalMethods.check(classes))
                .hasMessageContaining("HttpClient");
    }

    @Test
    void findsAControllerOutsideWeb() {
        JavaClasses classes = new ClassFileImporter().importClasses(ControllerOutsideWeb.class);
        assertThatThrownBy(() -> ArchitectureRulesTests.controllersLiveInWeb.check(classes))
                .hasMessageContaining("ControllerOutsideWeb");
    }
}
