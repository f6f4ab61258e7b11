package herald.web.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A list page's own address with its filters, for links that change one of them and keep the rest. Empty filters are
 * left out of the address (Thymeleaf's link expressions would write them as {@code name=}).
 */
public record QueryLinks(String path, Map<String, String> filters) {

    public QueryLinks {
        var kept = new LinkedHashMap<String, String>();
        filters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                kept.put(name, value);
            }
        });
        filters = java.util.Collections.unmodifiableMap(kept);
    }

    /** This page with {@code name} set to {@code value}, or left out when that is null or blank. */
    public String with(String name, @Nullable String value) {
        var changed = new LinkedHashMap<>(filters);
        changed.remove(name);
        if (value != null && !value.isBlank()) {
            changed.put(name, value);
        }
        return address(changed);
    }

    /** The same page with {@code name} set (or left out when null or blank), to change more than one filter. */
    public QueryLinks and(String name, @Nullable String value) {
        var changed = new LinkedHashMap<>(filters);
        changed.remove(name);
        if (value != null && !value.isBlank()) {
            changed.put(name, value);
        }
        return new QueryLinks(path, changed);
    }

    /** This page with only {@code name} kept of its filters. */
    public String only(String name) {
        var kept = new LinkedHashMap<String, String>();
        if (filters.containsKey(name)) {
            kept.put(name, filters.get(name));
        }
        return address(kept);
    }

    /** Another page under this one ({@code suffix} after the path) with the same filters. */
    public String at(String suffix) {
        return new QueryLinks(path + suffix, filters).href();
    }

    public String href() {
        return address(filters);
    }

    private String address(Map<String, String> params) {
        var uri = UriComponentsBuilder.fromPath(path);
        params.forEach(uri::queryParam);
        return uri.encode().build().toUriString();
    }
}
