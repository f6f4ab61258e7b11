package herald.web.ui;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The IANA zones offered in timezone selects: UTC and the canonical {@code Region/City} names, sorted. */
final class Timezones {

    private static final Pattern REGIONAL =
            Pattern.compile("^(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+$");

    private static final List<String> OFFERED = offered();

    private Timezones() {}

    /** The offered zones, plus {@code current} if it is valid but not among them (set through the API, say). */
    static List<String> including(String current) {
        if (current.isBlank()
                || OFFERED.contains(current)
                || !ZoneId.getAvailableZoneIds().contains(current)) {
            return OFFERED;
        }
        var zones = new ArrayList<String>(OFFERED.size() + 1);
        zones.add(current);
        zones.addAll(OFFERED);
        return zones;
    }

    private static List<String> offered() {
        var zones = new ArrayList<String>();
        zones.add("UTC");
        ZoneId.getAvailableZoneIds().stream()
                .filter(zone -> REGIONAL.matcher(zone).matches())
                .sorted()
                .forEach(zones::add);
        return List.copyOf(zones);
    }
}
