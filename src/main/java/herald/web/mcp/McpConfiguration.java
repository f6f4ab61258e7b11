package herald.web.mcp;

import herald.agents.AgentPrincipal;
import herald.web.api.ApiFilterOrder;
import herald.web.api.ApiSettings;
import herald.web.api.problems.ProblemWriter;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP server at {@code /mcp}: Streamable HTTP in the SDK's stateless mode, so any node answers any call and
 * nothing lives in a node's memory between calls (docs/adr/0009). The security chain has already authenticated the
 * agent's key; the transport hands the principal to the tools through the transport context. Tools run on the
 * request's own thread ({@code immediateExecution}), inside the request's audit origin and rate limit.
 */
@Configuration(proxyBeanMethods = false)
class McpConfiguration {

    static final String ENDPOINT = "/mcp";
    static final String AGENT = "herald.agent";

    @Bean
    HttpServletStatelessServerTransport mcpTransport(JsonMapper json) {
        return HttpServletStatelessServerTransport.builder()
                .jsonMapper(new JacksonMcpJsonMapper(json))
                .messageEndpoint(ENDPOINT)
                .contextExtractor(request -> {
                    Map<String, Object> context = new HashMap<>();
                    var authentication = SecurityContextHolder.getContext().getAuthentication();
                    if (authentication != null && authentication.getPrincipal() instanceof AgentPrincipal agent) {
                        context.put(AGENT, agent);
                    }
                    return McpTransportContext.create(context);
                })
                .build();
    }

    @Bean(destroyMethod = "close")
    McpStatelessSyncServer mcpServer(HttpServletStatelessServerTransport transport, JsonMapper json, McpTools tools) {
        return McpServer.sync(transport)
                .serverInfo("herald", "1")
                .instructions(McpTools.INSTRUCTIONS)
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(new JacksonMcpJsonMapper(json))
                .immediateExecution(true)
                .tools(tools.specifications())
                .build();
    }

    @Bean
    FilterRegistrationBean<McpRequests> mcpRequests(ApiSettings settings, ProblemWriter problems, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new McpRequests(settings, problems, json));
        registration.setOrder(ApiFilterOrder.BODY_LIMIT);
        registration.addUrlPatterns(ENDPOINT, ENDPOINT + "/*");
        return registration;
    }

    @Bean
    ServletRegistrationBean<HttpServletStatelessServerTransport> mcpServlet(
            HttpServletStatelessServerTransport transport) {
        var registration = new ServletRegistrationBean<>(transport, ENDPOINT);
        registration.setName("mcp");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
