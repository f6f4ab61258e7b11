package herald.tenancy;

import herald.shared.InvalidInput;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** The plans Herald offers, as configured. */
@Component
public class Plans {

    private final PlanSettings settings;

    Plans(PlanSettings settings) {
        this.settings = settings;
    }

    public Plan get(String name) {
        PlanLimits limits = settings.plans().get(name);
        if (limits == null) {
            throw new InvalidInput(
                    "plan", "Unknown plan '" + name + "'. Choose one of: " + String.join(", ", names()) + ".");
        }
        return new Plan(name, limits);
    }

    public List<Plan> all() {
        return settings.plans().entrySet().stream()
                .map(e -> new Plan(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(p -> p.limits().members()))
                .toList();
    }

    public List<String> names() {
        return all().stream().map(Plan::name).toList();
    }
}
