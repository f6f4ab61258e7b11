package herald.demo;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DemoConfiguration {

    /** Seeds at start-up, before the node reports ready; a failure stops the start with the reason. */
    @Bean
    @ConditionalOnBooleanProperty(name = "herald.demo.enabled", matchIfMissing = true)
    ApplicationRunner demoDataAtStartUp(DemoData demoData) {
        return arguments -> demoData.seed();
    }
}
