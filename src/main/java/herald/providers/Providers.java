package herald.providers;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The platforms Herald can connect to: every {@link SocialProvider} bean, by id. */
@Component
public class Providers {

    private final Map<String, SocialProvider> byId = new LinkedHashMap<>();

    Providers(List<SocialProvider> providers) {
        providers.stream()
                .sorted(Comparator.comparing(SocialProvider::displayName))
                .forEach(provider -> {
                    if (byId.put(provider.id(), provider) != null) {
                        throw new IllegalStateException("Two providers have the id " + provider.id());
                    }
                });
    }

    public Optional<SocialProvider> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<SocialProvider> all() {
        return List.copyOf(byId.values());
    }
}
