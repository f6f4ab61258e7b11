package herald.demo;

import herald.shared.WorkspaceId;
import java.util.function.BiConsumer;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DemoConfiguration {

    /**
     * Seeds at start-up, before the node reports ready; a failure stops the start with the reason. Application runners
     * run once the web server listens, so the demo workspaces' Sandbox accounts are connected over HTTP through the
     * real flow; a failure there is only logged.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "herald.demo.enabled", matchIfMissing = true)
    ApplicationRunner demoDataAtStartUp(DemoData demoData, DemoConnections connections, DemoPosts posts) {
        return arguments -> demoData.seed(furnishing(connections, posts));
    }

    /** What a demo workspace gets besides itself: its Sandbox account, and when it was just connected, first posts. */
    static BiConsumer<WorkspaceId, DemoWorkspace> furnishing(DemoConnections connections, DemoPosts posts) {
        return (workspace, demo) -> {
            if (connections.connectIfNeverConnected(workspace, demo.name(), demo.sandboxHandle())) {
                posts.furnish(workspace, demo);
            }
        };
    }
}
