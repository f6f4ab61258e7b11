package herald.tenancy;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("herald")
record PlanSettings(Map<String, PlanLimits> plans) {}
