package herald.content;

import herald.assets.AssetId;
import herald.shared.InvalidInput;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A month's posts laid out: which days (no two on one day while there are days enough, evenly otherwise), which local
 * times (the posting hours plus a few minutes of jitter, DST-correct), which post type (a mix in fixed proportions,
 * weekend drivers on Thursday to Saturday) and what each is about (the workspace's assets, showcases first).
 */
final class CalendarPlan {

    static final int MIN_POSTS = 5;
    static final int MAX_POSTS = 31;
    static final int JITTER_MINUTES = 30;

    static final String PROMOTIONAL = "promotional";
    static final String PRODUCT_SHOWCASE = "product_showcase";
    static final String WEEKEND_DRIVER = "weekend_driver";
    static final String ENGAGEMENT_POLL = "engagement_poll";
    static final String CUSTOMER_APPRECIATION = "customer_appreciation";

    /** The mix: each type at least once, the rest by these weights (largest remainder). */
    private static final Map<String, Double> WEIGHTS = weights();

    private static final Set<DayOfWeek> WEEKEND_DRIVER_DAYS =
            EnumSet.of(DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
    private static final DateTimeFormatter MONTH_NAME = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private CalendarPlan() {}

    /** What a post is about. */
    record Item(String name, String description, @Nullable AssetId asset) {}

    /** One planned post. */
    record Slot(int position, String postType, LocalDateTime local, Instant at, @Nullable Item item) {}

    private static Map<String, Double> weights() {
        var weights = new LinkedHashMap<String, Double>();
        weights.put(PROMOTIONAL, 0.28);
        weights.put(PRODUCT_SHOWCASE, 0.28);
        weights.put(WEEKEND_DRIVER, 0.16);
        weights.put(ENGAGEMENT_POLL, 0.14);
        weights.put(CUSTOMER_APPRECIATION, 0.14);
        return Collections.unmodifiableMap(weights);
    }

    /** @throws InvalidInput unless {@code month} reads as {@code yyyy-MM} */
    static YearMonth month(@Nullable String month) {
        if (month == null || !month.matches("\\d{4}-\\d{2}")) {
            throw new InvalidInput("month", "month must be a year and month such as 2026-12.");
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("month", "'" + month + "' is not a month: use a year and month such as 2026-12.");
        }
    }

    /**
     * The days posts may go on: the whole month, or from tomorrow to its end when it is the current month (today's
     * remaining hours are too few to plan in, and the run itself takes a while).
     *
     * @throws InvalidInput for a month in the past, or one with no day left, or too few days left for {@code posts}
     */
    static List<LocalDate> days(YearMonth month, LocalDate today, int posts, int postingHours) {
        YearMonth current = YearMonth.from(today);
        if (month.isBefore(current)) {
            throw new InvalidInput(
                    "month", MONTH_NAME.format(month) + " is in the past. Choose " + current + " or a later month.");
        }
        LocalDate from = month.equals(current) ? today.plusDays(1) : month.atDay(1);
        List<LocalDate> days = from.datesUntil(month.atEndOfMonth().plusDays(1)).toList();
        if (days.isEmpty()) {
            throw new InvalidInput(
                    "month",
                    "No day of " + MONTH_NAME.format(month) + " is left after today. Choose " + current.plusMonths(1)
                            + ".");
        }
        int most = days.size() * postingHours;
        if (posts > most) {
            throw new InvalidInput(
                    "posts",
                    "Only " + days.size() + (days.size() == 1 ? " day is" : " days are") + " left in "
                            + MONTH_NAME.format(month) + " (from " + days.getFirst() + "), room for " + most
                            + " posts at " + postingHours + " posting times a day. Ask for at most " + most
                            + ", or choose " + month.plusMonths(1) + ".");
        }
        return days;
    }

    /** @throws InvalidInput for a count outside 5–31 */
    static void checkCount(int posts) {
        if (posts < MIN_POSTS || posts > MAX_POSTS) {
            throw new InvalidInput(
                    "posts", "posts must be between " + MIN_POSTS + " and " + MAX_POSTS + " (was " + posts + ").");
        }
    }

    static List<Slot> plan(
            YearMonth month,
            ZoneId zone,
            LocalDate today,
            int posts,
            List<Integer> hours,
            List<Item> items,
            RandomGenerator random) {
        checkCount(posts);
        List<LocalDate> days = days(month, today, posts, hours.size());
        List<LocalDate> slotDays = spread(days, posts);
        List<String> types = types(slotDays, random);
        List<Slot> slots = new ArrayList<>();
        List<Item> showcased = items.stream().filter(i -> i.asset() != null).toList();
        List<Item> all = new ArrayList<>(items);
        Collections.shuffle(all, java.util.Random.from(random));
        List<Item> showcase = new ArrayList<>(showcased);
        Collections.shuffle(showcase, java.util.Random.from(random));
        int general = 0;
        int shown = 0;
        for (int i = 0; i < posts; i++) {
            LocalDate day = slotDays.get(i);
            int onDay = Collections.frequency(slotDays, day);
            int index = slotDays.indexOf(day);
            int hour = hour(hours, types.get(i), onDay, i - index, i);
            LocalDateTime wanted = day.atTime(hour, random.nextInt(JITTER_MINUTES));
            // A local time in the spring-forward gap moves on by the gap's length; in the autumn overlap it is the
            // earlier of the two.
            ZonedDateTime at = ZonedDateTime.ofLocal(wanted, zone, null);
            Item item;
            if (PRODUCT_SHOWCASE.equals(types.get(i)) && !showcase.isEmpty()) {
                item = showcase.get(shown++ % showcase.size());
            } else {
                item = all.isEmpty() ? null : all.get(general++ % all.size());
            }
            slots.add(new Slot(i + 1, types.get(i), at.toLocalDateTime(), at.toInstant(), item));
        }
        return slots;
    }

    /** One day per post, evenly apart, while there are days enough; otherwise every day, some twice or more. */
    static List<LocalDate> spread(List<LocalDate> days, int posts) {
        List<LocalDate> chosen = new ArrayList<>();
        if (posts <= days.size()) {
            double step = (double) days.size() / posts;
            for (int i = 0; i < posts; i++) {
                chosen.add(days.get((int) Math.floor((i + 0.5) * step)));
            }
            return chosen;
        }
        int each = posts / days.size();
        int extra = posts % days.size();
        var more = new java.util.HashSet<Integer>();
        double step = extra == 0 ? 0 : (double) days.size() / extra;
        for (int i = 0; i < extra; i++) {
            more.add((int) Math.floor((i + 0.5) * step));
        }
        for (int d = 0; d < days.size(); d++) {
            for (int k = 0; k < each + (more.contains(d) ? 1 : 0); k++) {
                chosen.add(days.get(d));
            }
        }
        return chosen;
    }

    /** How many of each type {@code posts} gets: each at least once, the rest by weight. */
    static Map<String, Integer> mix(int posts) {
        var counts = new LinkedHashMap<String, Integer>();
        WEIGHTS.keySet().forEach(type -> counts.put(type, 1));
        int rest = posts - counts.size();
        var remainders = new LinkedHashMap<String, Double>();
        int given = 0;
        for (var weight : WEIGHTS.entrySet()) {
            double share = rest * weight.getValue();
            int whole = (int) Math.floor(share);
            counts.merge(weight.getKey(), whole, Integer::sum);
            remainders.put(weight.getKey(), share - whole);
            given += whole;
        }
        List<String> byRemainder = new ArrayList<>(remainders.keySet());
        byRemainder.sort((a, b) -> Double.compare(remainders.get(b), remainders.get(a)));
        for (int i = 0; i < rest - given; i++) {
            counts.merge(byRemainder.get(i % byRemainder.size()), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * The type of each slot: weekend drivers on Thursday–Saturday slots, evenly among them (promotional instead when
     * too few such days remain), and the others interleaved so that one type rarely follows itself.
     */
    static List<String> types(List<LocalDate> slotDays, RandomGenerator random) {
        int posts = slotDays.size();
        Map<String, Integer> counts = mix(posts);
        String[] types = new String[posts];
        List<Integer> weekendSlots = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            if (WEEKEND_DRIVER_DAYS.contains(slotDays.get(i).getDayOfWeek())) {
                weekendSlots.add(i);
            }
        }
        int drivers = Math.min(counts.get(WEEKEND_DRIVER), weekendSlots.size());
        counts.merge(PROMOTIONAL, counts.get(WEEKEND_DRIVER) - drivers, Integer::sum);
        counts.put(WEEKEND_DRIVER, 0);
        double step = drivers == 0 ? 0 : (double) weekendSlots.size() / drivers;
        for (int i = 0; i < drivers; i++) {
            types[weekendSlots.get((int) Math.floor((i + 0.5) * step))] = WEEKEND_DRIVER;
        }
        String previous = null;
        for (int i = 0; i < posts; i++) {
            if (types[i] != null) {
                previous = types[i];
                continue;
            }
            String pick = null;
            int most = 0;
            List<String> order = new ArrayList<>(counts.keySet());
            Collections.shuffle(order, java.util.Random.from(random));
            for (String type : order) {
                int left = counts.get(type);
                if (left > most && !type.equals(previous)) {
                    pick = type;
                    most = left;
                }
            }
            if (pick == null) {
                pick = previous;
            }
            counts.merge(pick, -1, Integer::sum);
            types[i] = pick;
            previous = pick;
        }
        return List.of(types);
    }

    /**
     * The hour of a post: alone on its day, a weekend driver goes out in the evening (the last posting hour), a poll at
     * the middle one, the rest take turns; several on one day take posting hours evenly apart.
     */
    private static int hour(List<Integer> hours, String type, int onDay, int nth, int position) {
        if (onDay == 1) {
            return switch (type) {
                case WEEKEND_DRIVER -> hours.getLast();
                case ENGAGEMENT_POLL -> hours.get(hours.size() / 2);
                default -> hours.get(position % hours.size());
            };
        }
        double step = (double) hours.size() / onDay;
        return hours.get((int) Math.floor((nth + 0.5) * step));
    }
}
