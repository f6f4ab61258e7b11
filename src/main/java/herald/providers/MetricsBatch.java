package herald.providers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer of {@link SocialProvider#metrics(herald.vault.Secret, List)} for several posts of one account: each post
 * asked about is in exactly one of the three.
 *
 * @param counted the posts the platform counted, by platform id
 * @param gone the posts the platform has no figures for: deleted there, or it counts nothing
 * @param refused the posts whose figures could not be read this time, with the platform's reason
 */
public record MetricsBatch(Map<String, PostMetrics> counted, Set<String> gone, Map<String, ProviderException> refused) {

    public MetricsBatch {
        counted = Map.copyOf(counted);
        gone = Set.copyOf(gone);
        refused = Map.copyOf(refused);
    }

    /** Collects a batch answer post by post. */
    public static final class Builder {

        private final Map<String, PostMetrics> counted = new LinkedHashMap<>();
        private final Set<String> gone = new java.util.LinkedHashSet<>();
        private final Map<String, ProviderException> refused = new LinkedHashMap<>();

        public Builder counted(String id, PostMetrics metrics) {
            counted.put(id, metrics);
            return this;
        }

        public Builder gone(String id) {
            gone.add(id);
            return this;
        }

        /** These posts could not be read, for the same reason. */
        public Builder refused(List<String> ids, ProviderException why) {
            ids.forEach(id -> refused.put(id, why));
            return this;
        }

        public MetricsBatch build() {
            return new MetricsBatch(counted, gone, refused);
        }
    }
}
